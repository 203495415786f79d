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
  // Cheap checks first: reading the direction or a width makes the browser compute styles and layout
  // there and then, and on every DOM change that made the home page's first draw markedly slower.
  const toStart = () => {
    const waiting = doc.querySelectorAll('[data-testid="stDataFrame"] .dvn-scroller:not([data-kmm-start])');
    if (waiting.length === 0 || !rtl()) return;
    waiting.forEach((scroller) => {
      if (scroller.clientWidth === 0 || scroller.scrollWidth <= scroller.clientWidth) return;
      scroller.dataset.kmmStart = "1";
      scroller.scrollLeft = scroller.scrollWidth;
    });
  };
  // At most once a frame, however many DOM changes a frame brings (a chart adds hundreds of nodes).
  let queued = false;
  const soon = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; toStart(); });
  };
  new MutationObserver(soon).observe(doc.body, { childList: true, subtree: true });
  setInterval(toStart, 1000);  // grids whose width arrives without a DOM change (a tab opened, a resize)
  toStart();
})();
