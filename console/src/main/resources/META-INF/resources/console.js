// The GOV.UK Frontend components (header menu, error summary focus, details, ...), started from a
// file rather than inline script, so that the Content-Security-Policy can forbid inline script.
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
