// Close Streamlit's own English "Page not found" dialog: dashboard.py already says so in the visitor's language
// (ui/navigation.dismiss_streamlit_not_found explains why the dialog cannot be held back on the server).
// The dialog may arrive a moment before or after this script, so look for it for a few seconds.
(() => {
  const close = () => {
    for (const dialog of document.querySelectorAll('[role="dialog"]')) {
      const title = dialog.querySelector("h2");
      const button = dialog.querySelector('button[aria-label="Close"]');
      if (title && button && title.textContent.trim() === "Page not found") {
        button.click();
        return true;
      }
    }
    return false;
  };
  let tries = 0;
  const timer = setInterval(() => { if (close() || ++tries > 40) clearInterval(timer); }, 250);
})();
