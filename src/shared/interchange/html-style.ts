/**
 * The inline stylesheet of the HTML copy. Each kind has a colour (claim amber, quote blue,
 * attribution green) and a line style that survives greyscale printing (claim solid, quote
 * dotted, attribution dashed, at different depths so nested highlights all show).
 */
export const HTML_STYLE = `
:root {
  --claim: #b45309; --claim-bg: rgba(245, 158, 11, 0.24);
  --quote: #1d4ed8; --quote-bg: rgba(59, 130, 246, 0.16);
  --attribution: #15803d; --attribution-bg: rgba(34, 197, 94, 0.18);
  --ink: #1b1b1b; --muted: #5b5b5b; --rule: #d8d8d8;
}
* { box-sizing: border-box; }
body { margin: 2rem auto; max-width: 46rem; padding: 0 1.25rem; color: var(--ink); background: #fff;
  font: 17px/1.5 Georgia, "Times New Roman", serif; }
header h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.5rem; }
.meta { color: var(--muted); font: 0.9rem/1.4 system-ui, sans-serif; margin: 0 0 1.25rem; }
.meta a { color: inherit; word-break: break-all; }
.legend { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; padding: 0.6rem 0.9rem; margin: 0 0 1.5rem;
  border: 1px solid var(--rule); border-radius: 4px; font: 0.85rem/1.6 system-ui, sans-serif; list-style: none; }
.approval-note { color: var(--muted); font: italic 0.9rem/1.4 system-ui, sans-serif; margin: 0 0 1rem; }
.legend li { white-space: nowrap; }
.legend .count { color: var(--muted); }
.body { line-height: 2; }
.body h2, .body h3, .body h4, .body h5, .body h6 { line-height: 1.5; }
.body blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); }
mark.hl { color: inherit; background: none; text-decoration-thickness: 2px; text-decoration-skip-ink: none; }
mark.hl-claim { background-color: var(--claim-bg); text-decoration-line: underline; text-decoration-style: solid;
  text-decoration-color: var(--claim); text-underline-offset: 0.18em; }
mark.hl-quote { background-color: var(--quote-bg); text-decoration-line: underline; text-decoration-style: dotted;
  text-decoration-color: var(--quote); text-underline-offset: 0.4em; }
mark.hl-attribution { background-color: var(--attribution-bg); text-decoration-line: underline;
  text-decoration-style: dashed; text-decoration-color: var(--attribution); text-underline-offset: 0.6em; }
/* Two annotations of one kind overlapping: a deeper tint shows where. */
mark.hl-claim.hl-overlap { background-color: rgba(245, 158, 11, 0.45); }
mark.hl-quote.hl-overlap { background-color: rgba(59, 130, 246, 0.32); }
mark.hl-attribution.hl-overlap { background-color: rgba(34, 197, 94, 0.34); }
.body li > p { margin: 0.25rem 0; }
.swatch { display: inline-block; padding: 0 0.3em; line-height: 1.5; }
sup.ref { font: 700 0.68em/0 system-ui, sans-serif; margin-left: 0.1em; }
sup.ref a { text-decoration: none; }
sup.ref-claim, .note-claim .tag { color: var(--claim); }
sup.ref-quote, .note-quote .tag { color: var(--quote); }
sup.ref-attribution, .note-attribution .tag { color: var(--attribution); }
sup.ref a { color: inherit; }
.notes { margin-top: 2.5rem; border-top: 2px solid var(--ink); font: 0.92rem/1.5 system-ui, sans-serif; }
.notes h2 { font: 700 1.1rem/1.4 system-ui, sans-serif; }
.notes ol { padding-left: 2.2rem; }
.note { margin: 0 0 1.1rem; }
.note-head { margin: 0; }
.note .tag { font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; font-size: 0.8em; }
.note .summary { font-weight: 600; }
.note .verdict { padding: 0 0.35em; border: 1px solid currentColor; border-radius: 3px; }
.status-true, .status-mostly_true { color: #166534; }
.status-misleading { color: #9a3412; }
.status-false { color: #b91c1c; }
.status-unverifiable, .status-unchecked, .status-in_review { color: var(--muted); }
.note .back { text-decoration: none; margin-left: 0.3em; }
.note .exact { margin: 0.25rem 0; padding-left: 0.6rem; border-left: 3px solid var(--rule); color: var(--muted);
  font-family: Georgia, serif; white-space: pre-wrap; }
.note dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0.3rem 0 0; }
.note dt { color: var(--muted); }
.note dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
footer { margin-top: 2rem; color: var(--muted); font: 0.8rem/1.4 system-ui, sans-serif; }
/* Two annotations of one kind overlapping: a deeper tint shows where. */
mark.hl-claim.hl-overlap { background-color: rgba(245, 158, 11, 0.45); }
mark.hl-quote.hl-overlap { background-color: rgba(59, 130, 246, 0.32); }
mark.hl-attribution.hl-overlap { background-color: rgba(34, 197, 94, 0.34); }
.body li > p { margin: 0.25rem 0; }
@page { margin: 2cm 1.8cm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  .body { line-height: 1.9; }
  mark.hl, .swatch { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; }
  .note { break-inside: avoid; }
  .notes h2 { break-after: avoid; }
  .note dd a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all; }
  .note .back { display: none; }
}
`
