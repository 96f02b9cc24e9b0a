#include <cstdio>
int main() { std::puts("fazhi (skeleton)"); return 0; }
