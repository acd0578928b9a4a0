// The menus on phones and tablets. Below 992 px the theme shows a ☰ button (chapters) and a ☷
// button (this page's headings) in the article header, but it wires its click handler to the
// first .primary-toggle / .secondary-toggle in the document, a hidden button of the top bar, so
// the buttons a reader taps open nothing. Each visible button passes its click on to that first
// one, whose handlers open the panel (or, at 992 px and wider, fold the chapter list).
document.addEventListener("DOMContentLoaded", () => {
  for (const kind of ["primary", "secondary"]) {
    const [wired, ...others] = document.querySelectorAll(`.${kind}-toggle`);
    if (!wired) continue;
    for (const button of others) {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        event.stopPropagation();
        button.blur();
        wired.click();
      });
    }
  }
});
