/* 长者模式: the switch works with CSS alone (html:has(#fz-elder:checked));
 * where JavaScript runs, this remembers the choice across pages. */
(function () {
  'use strict';
  var KEY = 'fazhi-elder';
  var box = document.getElementById('fz-elder');
  if (!box) return;
  try {
    if (localStorage.getItem(KEY) === '1') box.checked = true;
    box.addEventListener('change', function () {
      if (box.checked) localStorage.setItem(KEY, '1'); else localStorage.removeItem(KEY);
    });
  } catch (e) { /* storage blocked: the switch still works for this page */ }
})();
