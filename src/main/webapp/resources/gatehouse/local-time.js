// Writes every <time data-local> of the console (resources/gh/time.xhtml) in the viewer's time
// zone and locale ("4 Dec 2026, 19:02"); the exact ISO value stays in the tooltip and in the
// datetime attribute. Rows that PrimeFaces tables load later (paging, sorting) are handled as
// they arrive.
(() => {
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const localise = root => root.querySelectorAll('time[data-local]').forEach(t => {
    const when = new Date(t.getAttribute('datetime'));
    if (!isNaN(when)) {
      t.textContent = format.format(when);
      t.title = t.getAttribute('datetime') + (zone ? ' (shown in ' + zone + ')' : '');
      t.removeAttribute('data-local');
    }
  });
  localise(document);
  new MutationObserver(changes => changes.forEach(c => c.addedNodes.forEach(n => {
    if (n.nodeType === Node.ELEMENT_NODE) {
      localise(n.matches('time[data-local]') ? n.parentNode : n);
    }
  }))).observe(document.body, { childList: true, subtree: true });
})();
