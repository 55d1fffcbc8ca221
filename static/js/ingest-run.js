// Live progress of an ingest run (or a preview being read): asks the run's status every second
// and fills the page; reloads it once the run (or the preview) is done, to show the full result.
(function () {
  const box = document.querySelector("[data-status-url]");
  if (!box) return;
  const url = box.dataset.statusUrl;
  const waitingFor = box.dataset.waitFor; // "preview" or "run"
  const show = (name, value) => {
    const node = box.querySelector(`[data-field="${name}"]`);
    if (node) node.textContent = value;
  };
  const number = (n) => (n === null || n === undefined ? "—" : Number(n).toLocaleString("ar-u-nu-latn"));
  async function poll() {
    let data;
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
      data = await response.json();
    } catch (error) {
      setTimeout(poll, 3000);
      return;
    }
    if (waitingFor === "preview") {
      if (data.preview_ready || data.status !== "preview") return window.location.reload();
      show("processed", number(data.processed));
      return setTimeout(poll, 1000);
    }
    show("status", data.status_label);
    show("processed", number(data.processed));
    show("total", number(data.total));
    show("created", number(data.created));
    show("updated", number(data.updated));
    show("unchanged", number(data.unchanged));
    show("failed", number(data.failed));
    show("rate", data.rate ? number(data.rate) : "—");
    show("left", data.seconds_left === null ? "—" : number(data.seconds_left));
    show("traced", `${number(data.traced_batches)} / ${number(data.batches)}`);
    const bar = box.querySelector("progress");
    if (bar && data.total) { bar.max = data.total; bar.value = data.processed; }
    const list = box.querySelector(".run-failures");
    if (list) {
      list.replaceChildren(...data.failures.map((f) => {
        const item = document.createElement("li");
        item.textContent = `${f.input}${f.line ? ":" + f.line : ""}: ${f.reason_text}`;
        if (f.reason_detail) {
          const detail = document.createElement("q");
          detail.className = "machine-words"; detail.lang = "en"; detail.dir = "ltr";
          detail.textContent = f.reason_detail;
          item.append(" ", detail);
        }
        return item;
      }));
    }
    if (data.finished && data.traced) return window.location.reload();
    setTimeout(poll, 1000);
  }
  poll();
})();
