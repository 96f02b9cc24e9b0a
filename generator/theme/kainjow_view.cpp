#include "theme/kainjow_view.h"

namespace fazhi {

kainjow::mustache::data ToKainjowData(const View& view) {
  using Data = kainjow::mustache::data;
  if (view.is_string()) return Data(view.string_value());
  if (view.is_true()) return Data(Data::type::bool_true);
  if (view.is_false()) return Data(Data::type::bool_false);
  if (view.is_list()) {
    Data list(Data::type::list);
    for (const View& item : view.list_value()) list.push_back(ToKainjowData(item));
    return list;
  }
  Data object;
  for (const View::Field& f : view.fields()) object.set(f.name, ToKainjowData(f.value));
  return object;
}

}  // namespace fazhi
