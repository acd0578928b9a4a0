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

// The download menu: the theme's ".pdf" entry prints the current page; readers want the book.
// It becomes a link to the whole book's PDF, which `make pdf` copies to the site's root.
document.addEventListener("DOMContentLoaded", () => {
  const print = document.querySelector(".dropdown-download-buttons .btn-download-pdf-button");
  if (!print) return;
  const root = document.documentElement.dataset.content_root || "";
  const link = document.createElement("a");
  link.href = `${root}book.pdf`;
  link.className = print.className;
  link.title = "The whole book as a PDF (A4)";
  link.innerHTML = print.innerHTML;
  link.querySelector(".btn__text-container").textContent = "book .pdf";
  link.removeAttribute("data-bs-toggle");
  print.replaceWith(link);
});
