/* 长者模式: loaded in <head> without `defer`, so the stored choice puts the
 * class fz-elder on <html> before anything is drawn (no flash of small
 * text). The class, not CSS :has(), is what older Android WebViews, WeChat's
 * browser and iOS before 15.4 understand; without JavaScript the switch
 * still works where the browser knows html:has(#fz-elder:checked). */
(function () {
  'use strict';
  var KEY = 'fazhi-elder';
  var root = document.documentElement;
  var on = false;
  try { on = localStorage.getItem(KEY) === '1'; } catch (e) { /* storage blocked */ }
  if (on) root.className += (root.className ? ' ' : '') + 'fz-elder';

  function set(value) {
    var names = root.className.split(/\s+/).filter(function (c) { return c && c !== 'fz-elder'; });
    if (value) names.push('fz-elder');
    root.className = names.join(' ');
    try {
      if (value) localStorage.setItem(KEY, '1'); else localStorage.removeItem(KEY);
    } catch (e) { /* storage blocked: the switch still works for this page */ }
  }
  function wire() {
    var box = document.getElementById('fz-elder');
    if (!box) return;
    box.checked = on;
    box.addEventListener('change', function () { set(box.checked); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
  else wire();
})();
