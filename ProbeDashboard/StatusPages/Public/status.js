// Live updates for the public status page: every few seconds, fetch the same page again and swap in its content.
// Without scripts the page is complete as served; this only keeps an open tab current.
(function () {
  const main = document.querySelector('main.status-page');
  if (!main) return;
  const seconds = Number(main.dataset.refreshSeconds) || 30;
  // Times are served in UTC; with scripts on, readers see them in their own zone, written in the page's language
  // (the browser's own locale could be another one, and a Chinese page would show "Dec 6, 10:26 PM").
  const language = document.documentElement.lang || [];
  function localize(root) {
    for (const t of root.querySelectorAll('time[datetime]')) {
      const at = new Date(t.getAttribute('datetime'));
      if (!isNaN(at)) t.textContent = at.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
    }
  }
  localize(main);
  async function refresh() {
    // A reader typing an address into the subscribe form keeps it: the swap would replace the form.
    const email = main.querySelector('input[name="email"]');
    if (email && (email.value || document.activeElement === email)) return;
    try {
      const response = await fetch(location.href, { cache: 'no-store', headers: { 'Accept': 'text/html' } });
      if (!response.ok) return;
      const next = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('main.status-page');
      if (next) { main.replaceChildren(...next.childNodes); localize(main); }
    } catch (e) {
      // Offline for a moment: the next round tries again.
    }
  }
  setInterval(refresh, seconds * 1000);
})();
