// The schedule explorer: controls, a plot, the scheduler call and a CSV of a step or multistep schedule.
// Every control takes a fixed set of values (docs/explorer.py), so a value here needs only IEEE-754
// + - * / (rounded as Python rounds them), CPython's float floor division, and decay_rate ** count,
// which steplr computed at build time (explorer-table.js). docs/test_site.py checks each piece against
// step_lr and multistep_lr over every value the controls can reach.
(function () {
  "use strict";
  const TABLE = window.steplrExplorerTable;
  const SVG = "http://www.w3.org/2000/svg";

  const unpacked = {};
  function factors(rate) {
    // decay_rate ** count for count = 0, 1, ..., from the table steplr made.
    if (!unpacked[rate]) {
      const bytes = Uint8Array.from(atob(TABLE.factors[rate]), (c) => c.charCodeAt(0));
      const view = new DataView(bytes.buffer);
      unpacked[rate] = Array.from({ length: bytes.length / 8 }, (_, i) => view.getFloat64(8 * i, true));
    }
    return unpacked[rate];
  }

  // Python's a // b for floats, as CPython's float_floor_div computes it (JavaScript's % is C's fmod)
  function floorDivide(a, b) {
    let mod = a % b;
    let div = (a - mod) / b;
    if (mod && (b < 0) !== (mod < 0)) div -= 1;
    if (!div) return 0;
    let floored = Math.floor(div);
    if (div - floored > 0.5) floored += 1;
    return floored;
  }

  function bisectRight(sorted, x) {
    // How many of the non-decreasing `sorted` are <= x: Python's bisect.bisect_right.
    let low = 0, high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (x < sorted[middle]) high = middle; else low = middle + 1;
    }
    return low;
  }

  function decayCount(s, t) {
    // Schedule.decay_count: decays by time t, on the decays' clock (from the end of warmup with warmup_prefix).
    const since = s.warmup_prefix ? t - s.warmup_t : t;
    if (s.milestones) return bisectRight(s.milestones, since + (s.timing === "decay_t" ? 1 : 0));
    return floorDivide(since, s.decay_t);
  }

  function warmupLr(t, baseLr, warmupLrInit, warmupT) {
    // Schedule.warmup_lr with Schedule.warmup_slope, in the same order of operations.
    return warmupLrInit + t * ((baseLr - warmupLrInit) / warmupT);
  }

  function decayedLr(baseLr, rate, count) {
    // base_lr * decay_rate ** count; past the table's end the factor no longer changes.
    const table = factors(rate);
    return baseLr * table[Math.min(count, table.length - 1)];
  }

  function schedule(s) {
    // The learning rate at t = 0 .. epochs - 1, where warmup ends, and the decays, as plot_schedule marks them.
    const lrs = [], decays = [];
    for (let t = 0; t < s.epochs; t++) {
      lrs.push(t < s.warmup_t ? warmupLr(t, s.base_lr, s.warmup_lr_init, s.warmup_t)
                              : decayedLr(s.base_lr, s.decay_rate, decayCount(s, t)));
      if (t >= 1 && t - 1 >= s.warmup_t && decayCount(s, t) !== decayCount(s, t - 1)) decays.push(t);
    }
    const warmupEnd = 0 < s.warmup_t && s.warmup_t < s.epochs ? [s.warmup_t] : [];
    return { lrs, decays, warmupEnd };
  }

  function csv(lrs) {
    // t,lr for every epoch; String(x) is the shortest text that reads back as x, in Python too.
    return "t,lr\n" + lrs.map((lr, t) => `${t},${lr}`).join("\n") + "\n";
  }

  function call(s, text) {
    // The scheduler call that gives schedule `s`, with only its non-default arguments, as `text` spells them.
    const args = ["optimizer"];
    if (s.milestones) args.push(`${s.timing}=[${s.milestones.join(", ")}]`);
    else args.push(`decay_t=${text.decay_t}`);
    if (s.decay_rate !== "1.0") args.push(`decay_rate=${s.decay_rate}`);
    if (s.warmup_t !== 0) args.push(`warmup_t=${s.warmup_t}`);
    if (s.warmup_lr_init !== 0) args.push(`warmup_lr_init=${text.warmup_lr_init}`);
    if (s.warmup_prefix) args.push("warmup_prefix=True");
    return `${s.milestones ? "MultiStepLRScheduler" : "StepLRScheduler"}(${args.join(", ")})`;
  }

  function parseMilestones(text) {
    // The milestones typed, as non-decreasing whole numbers, or an error message.
    const limits = TABLE.controls.milestones;
    const words = text.split(/[\s,]+/).filter((word) => word);
    if (!words.every((word) => /^\d+$/.test(word))) return "milestones: whole numbers separated by commas";
    const numbers = words.map(Number);
    if (numbers.length > limits.most) return `milestones: at most ${limits.most} of them`;
    if (numbers.some((n) => n < limits.min || n > limits.max)) return `milestones: from ${limits.min} to ${limits.max}`;
    if (numbers.some((n, i) => i && n < numbers[i - 1])) return "milestones: in non-decreasing order";
    return numbers;
  }

  // ---- the page component ----
  let counter = 0;
  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
    node.append(...children);
    return node;
  }

  function field(id, label, control, output) {
    return element("div", { class: "steplr-explorer-field" },
                   element("label", { for: id }, label), control, ...(output ? [output] : []));
  }

  function rangeControl(root, name, label, start) {
    const id = `${root.id}-${name}`, limits = TABLE.controls[name];
    const input = element("input", { type: "range", id, name, value: start, ...limits });
    const output = element("output", { for: id });
    input.addEventListener("input", () => { output.textContent = input.value; });
    output.textContent = input.value;
    return field(id, label, input, output);
  }

  function selectControl(root, name, label, start) {
    const id = `${root.id}-${name}`;
    const select = element("select", { id, name }, ...TABLE.controls[name].map((v) => element("option", { value: v }, v)));
    select.value = start;
    return field(id, label, select);
  }

  function checkControl(root, name, label, start) {
    const id = `${root.id}-${name}`;
    const box = element("input", { type: "checkbox", id, name });
    box.checked = start;
    return element("div", { class: "steplr-explorer-field steplr-explorer-check" }, box, element("label", { for: id }, label));
  }

  function build(root) {
    root.id = root.id || `steplr-explorer-${++counter}`;
    const start = JSON.parse(root.dataset.start);
    const multistep = root.dataset.scheduler === "MultiStepLRScheduler";
    const form = element("form", { class: "steplr-explorer-controls", "aria-label": "schedule settings" });
    if (multistep) {
      const id = `${root.id}-milestones`;
      const input = element("input", { type: "text", id, name: start.timing, value: start.milestones,
                                       inputmode: "numeric", autocomplete: "off", spellcheck: "false" });
      form.append(field(id, "milestones (epochs)", input));
      const timing = element("select", { id: `${root.id}-timing`, name: "timing" },
                             element("option", { value: "milestones" }, "milestones= (PyTorch: at t = m)"),
                             element("option", { value: "decay_t" }, "decay_t= (timm: at t = m - 1)"));
      timing.value = start.timing;
      // the milestones field is named after the argument the timing calls for
      const rename = () => { input.name = timing.value; };
      timing.addEventListener("input", rename);
      timing.addEventListener("change", rename);
      form.append(field(timing.id, "timing", timing));
    } else {
      form.append(rangeControl(root, "decay_t", "decay_t (epochs)", start.decay_t));
    }
    form.append(selectControl(root, "decay_rate", "decay_rate", start.decay_rate),
                rangeControl(root, "warmup_t", "warmup_t (epochs)", start.warmup_t),
                selectControl(root, "warmup_lr_init", "warmup_lr_init", start.warmup_lr_init));
    form.append(checkControl(root, "warmup_prefix", "warmup_prefix", start.warmup_prefix),
                selectControl(root, "base_lr", "base learning rate (the optimizer's lr)", start.base_lr),
                rangeControl(root, "epochs", "epochs shown", start.epochs),
                checkControl(root, "log_scale", "log scale (the plot's y axis)", Boolean(start.log_scale)));
    form.addEventListener("submit", (event) => event.preventDefault());

    const plot = element("div", { class: "steplr-explorer-plot" });
    const code = element("code", { class: "steplr-explorer-call" });
    const copy = element("button", { type: "button", class: "steplr-explorer-copy" }, "Copy");
    const download = element("a", { class: "steplr-explorer-csv", download: "steplr-schedule.csv" }, "Download CSV");
    const status = element("p", { class: "steplr-explorer-status", role: "status", "aria-live": "polite" });
    root.replaceChildren(form, plot, element("div", { class: "steplr-explorer-code" }, code, copy), download, status);

    let last = null;
    function read() {
      const value = (name) => form.elements[name];
      const s = {
        decay_rate: value("decay_rate").value,
        warmup_t: Number(value("warmup_t").value),
        warmup_lr_init: Number(value("warmup_lr_init").value),
        warmup_prefix: value("warmup_prefix").checked,
        base_lr: Number(value("base_lr").value),
        epochs: Number(value("epochs").value),
        log_scale: value("log_scale").checked,  // how the plot is drawn: not a scheduler argument
      };
      const text = { warmup_lr_init: value("warmup_lr_init").value };
      if (multistep) {
        s.timing = value("timing").value;
        s.milestones = parseMilestones(form.elements[s.timing].value);
        if (typeof s.milestones === "string") return { error: s.milestones };
      } else {
        text.decay_t = value("decay_t").value;
        s.decay_t = Number(text.decay_t);
      }
      return { s, text };
    }

    function update() {
      const { s, text, error } = read();
      const milestones = form.querySelector("input[type=text]");
      if (milestones) milestones.setAttribute("aria-invalid", error ? "true" : "false");
      status.textContent = error || "";
      copy.disabled = Boolean(error);
      if (error) {  // nothing stays up that the settings in view do not give
        last = null;
        code.textContent = "";
        download.removeAttribute("href");
        plot.replaceChildren();
        return;
      }
      const shown = schedule(s);
      last = { settings: s, call: call(s, text), ...shown };
      // the import says whose class it is: timm's StepLRScheduler defaults to warmup_prefix=True, steplr's to False
      code.textContent = `from steplr import ${multistep ? "MultiStepLRScheduler" : "StepLRScheduler"}\n${last.call}`;
      download.href = "data:text/csv;charset=utf-8," + encodeURIComponent(csv(shown.lrs));
      draw(plot, shown, s);
      root.dataset.epochs = String(s.epochs);
    }

    copy.addEventListener("click", () => {
      const done = () => { copy.textContent = "Copied"; setTimeout(() => { copy.textContent = "Copy"; }, 1500); };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(code.textContent).then(done, () => select(code));
      else { select(code); if (document.execCommand("copy")) done(); }
    });
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    let width = 0;
    new ResizeObserver(() => { if (plot.clientWidth !== width) { width = plot.clientWidth; if (last) draw(plot, last, last.settings); } })
      .observe(plot);
    update();
  }

  function select(node) {
    const range = document.createRange();
    range.selectNodeContents(node);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
  }

  // ---- the plot: a step line (where='post'), grey dotted line at warmup's end, dotted lines at decays ----
  function niceTicks(high, count) {
    if (!(high > 0)) return [0];
    const raw = high / count, power = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((m) => m >= raw);
    return Array.from({ length: Math.floor(high / step + 1e-9) + 1 }, (_, i) => i * step);
  }

  function linearAxis(lrs) {
    // From 0 to a round number at or above the highest rate, with ticks at round numbers: [rate, label] each.
    const highest = Math.max(...lrs) || 1;
    const ticks = niceTicks(highest * 1.05, 4), high = Math.max(ticks[ticks.length - 1], highest);
    return { ticks: ticks.map((lr) => [lr, label(lr)]), height: (lr) => lr / high };
  }

  function logAxis(lrs) {
    // From the power of ten at or below the lowest rate above 0 (1e-300 at least) to the one at or above the
    // highest, ticks at powers of ten (at most six). Rates of 0, and below 1e-300, go on the bottom edge, which is
    // then a decade lower and labelled 0.
    const positive = lrs.filter((lr) => lr >= 1e-300);
    if (!positive.length) return linearAxis(lrs);
    const lowest = Math.floor(Math.log10(Math.min(...positive))), zero = positive.length < lrs.length;
    const high = Math.max(Math.ceil(Math.log10(Math.max(...positive))), lowest + 1), low = zero ? lowest - 1 : lowest;
    const every = Math.ceil((high - lowest) / 5), ticks = [];
    for (let power = high; power >= lowest; power -= every) {
      const lr = Number(`1e${power}`);
      ticks.push([lr, label(lr)]);
    }
    if (zero) ticks.push([0, "0"]);
    return { ticks, height: (lr) => (lr >= 1e-300 ? (Math.log10(lr) - low) / (high - low) : 0) };
  }

  function label(value) {
    return value >= 1e-3 || value === 0 ? String(Number(value.toPrecision(4))) : value.toExponential(1);
  }

  function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    return node;
  }

  function draw(plot, shown, s) {
    const width = Math.max(plot.clientWidth, 200), height = width < 500 ? 220 : 300;
    const left = 58, right = 12, top = 12, bottom = 36;
    const { lrs, decays, warmupEnd } = shown;
    const n = lrs.length, axis = s.log_scale ? logAxis(lrs) : linearAxis(lrs);
    const x = (t) => left + (t / Math.max(n - 1, 1)) * (width - left - right);
    const y = (lr) => top + (1 - axis.height(lr)) * (height - top - bottom);
    const figure = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", class: "steplr-explorer-svg",
                                "aria-label": `learning rate over ${n} epochs, from ${lrs[0]} to ${lrs[n - 1]}` +
                                              (decays.length > 12 ? `, decaying ${decays.length} times from epoch ${decays[0]} to ${decays[decays.length - 1]}`
                                               : decays.length ? `, decaying at epochs ${decays.join(", ")}` : "") +
                                              (s.log_scale ? ", on a log scale" : "") });
    const axes = svg("g", { class: "steplr-explorer-axes" });
    for (const [lr, tick] of axis.ticks) {
      axes.append(svg("line", { x1: left, x2: width - right, y1: y(lr), y2: y(lr), class: "steplr-explorer-grid" }));
      const text = svg("text", { x: left - 6, y: y(lr) + 4, "text-anchor": "end" });
      text.textContent = tick;
      axes.append(text);
    }
    for (const t of niceTicks(n - 1, width < 500 ? 4 : 8)) {
      const text = svg("text", { x: x(t), y: height - bottom + 16, "text-anchor": "middle" });
      text.textContent = String(t);
      axes.append(text);
    }
    const xLabel = svg("text", { x: left + (width - left - right) / 2, y: height - 4, "text-anchor": "middle" });
    xLabel.textContent = "epoch";
    axes.append(xLabel, svg("rect", { x: left, y: top, width: width - left - right, height: height - top - bottom,
                                      class: "steplr-explorer-frame" }));
    figure.append(axes);
    for (const t of warmupEnd) figure.append(svg("line", { x1: x(t), x2: x(t), y1: top, y2: height - bottom, class: "steplr-explorer-warmup" }));
    for (const t of decays) figure.append(svg("line", { x1: x(t), x2: x(t), y1: top, y2: height - bottom, class: "steplr-explorer-decay" }));
    let path = `M${x(0)},${y(lrs[0])}`;
    for (let t = 1; t < n; t++) path += `H${x(t)}V${y(lrs[t])}`;
    figure.append(svg("path", { d: path, class: "steplr-explorer-line" }));
    plot.replaceChildren(figure);
  }

  window.steplrExplorer = { floorDivide, bisectRight, decayCount, warmupLr, decayedLr, factors, schedule, csv, call };
  document.querySelectorAll(".steplr-explorer").forEach(build);
})();
