// sphinx-book-theme leaves the colour mode empty on a first visit, and its script then logs a console
// error before falling back to "auto": start from "auto" so that a first visit is error-free.
if (!document.documentElement.dataset.mode) document.documentElement.dataset.mode = "auto";
