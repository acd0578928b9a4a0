// Charts on a phone: a tap (or Enter on the focused chart) shows the chart at full size, in a
// frame that scrolls sideways; another tap fits it to the screen again (tools/sphinx_charts.py).
document.addEventListener("DOMContentLoaded", () => {
  const narrow = window.matchMedia("(max-width: 640px)");
  for (const chart of document.querySelectorAll(".mtc-chart")) {
    chart.tabIndex = 0;
    const toggle = () => {
      if (!narrow.matches) return;
      chart.classList.toggle("mtc-zoomed");
    };
    chart.addEventListener("click", toggle);
    chart.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        toggle();
      }
    });
  }
});
