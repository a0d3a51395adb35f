// Keeps the cases table current as new cases arrive: every 20 seconds the same page (with its
// filters) is read again and, if its table changed, the table is replaced and screen readers are told.
// Skipped while focus is inside the table, so that nobody loses their place. Without script, the page
// still works: it shows the cases as they were when it was loaded.
const INTERVAL_MS = 20000

async function refresh () {
  const current = document.getElementById('cases')
  if (!current || current.contains(document.activeElement)) {
    return
  }
  const response = await fetch(window.location.href, { credentials: 'same-origin', redirect: 'manual' })
  if (!response.ok) {
    return
  }
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('cases')
  if (fresh && fresh.innerHTML !== current.innerHTML) {
    current.replaceWith(document.importNode(fresh, true))
    const live = document.getElementById('cases-live')
    if (live) {
      live.textContent = 'The list of cases was updated: ' + fresh.querySelector('caption').textContent.trim()
    }
  }
}

window.setInterval(() => { refresh().catch(() => {}) }, INTERVAL_MS)
