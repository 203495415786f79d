// Data grids are canvases that scroll from their left edge. A right-to-left table lists its columns
// backwards (ui/tables.py), so its first column is at the far right: scroll each new grid there once,
// as a Hebrew or Arabic reader starts, and let the rest scroll into view to the left.
(() => {
  const doc = document;
  if (doc.kmmRtlGrids) return;
  doc.kmmRtlGrids = true;
  const rtl = () => {
    const main = doc.querySelector('[data-testid="stMain"]');
    return main && getComputedStyle(main).direction === "rtl";
  };
  const toStart = () => {
    if (!rtl()) return;
    doc.querySelectorAll('[data-testid="stDataFrame"] .dvn-scroller').forEach((scroller) => {
      if (scroller.dataset.kmmStart || scroller.clientWidth === 0 || scroller.scrollWidth <= scroller.clientWidth) return;
      scroller.dataset.kmmStart = "1";
      scroller.scrollLeft = scroller.scrollWidth;
    });
  };
  new MutationObserver(toStart).observe(doc.body, { childList: true, subtree: true });
  setInterval(toStart, 1000);  // grids whose width arrives without a DOM change (a tab opened, a resize)
  toStart();
})();
