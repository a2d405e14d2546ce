// smtpmock web page: lists sessions and messages from the admin API, shows one in detail,
// and polls for changes. Plain DOM code, no build step; all text goes in via textContent,
// because every field of a message comes from whoever sent it.
"use strict";

const POLL_MS = 1000;
const state = { messages: [], sessions: [], selected: null, seen: "" };

/** The admin token from the URL fragment (#token=T), so it never reaches a server log. */
// Everything after "token=": a token may hold "&". Percent-escapes are decoded where they are
// valid, so a token copied as is and one percent-encoded both work.
function token() {
  const match = /(?:^#|&)token=(.*)$/.exec(location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch (notEncoded) {
    return match[1];
  }
}

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers);
  const t = token();
  if (t) headers.Authorization = "Bearer " + t;
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (response.status === 401) {
    throw new Error("unauthorized: open this page as /#token=YOUR_TOKEN (the runner's --admin-token)");
  }
  if (!response.ok) throw new Error(path + ": HTTP " + response.status);
  return response;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString([], { hour12: false }) + "." + iso.slice(20, 23) : "";
}

function banner(text) {
  const node = document.getElementById("banner");
  node.hidden = !text;
  node.textContent = text || "";
}

async function refresh() {
  try {
    const [messages, sessions, stats, scenario] = await Promise.all([
      api("/api/messages?status=all").then((r) => r.json()),
      api("/api/sessions").then((r) => r.json()),
      api("/api/stats").then((r) => r.json()),
      api("/api/scenario").then((r) => r.text()),
    ]);
    banner(null);
    const name = /^scenario:\s*(.*)$/m.exec(scenario);
    document.getElementById("scenario").textContent = name ? name[1].replace(/^["']|["']$/g, "") : "";
    document.getElementById("stats").textContent =
      stats.accepted + " accepted, " + stats.rejected + " rejected, " + stats.incomplete +
      " incomplete, " + stats.connections + " connections";
    // re-render only when something changed, so that scrolling and selection stay put
    const seen = JSON.stringify([messages, sessions]);
    if (seen === state.seen) return;
    state.seen = seen;
    state.messages = messages;
    state.sessions = sessions;
    render();
  } catch (error) {
    banner(error.message);
  }
}

function render() {
  renderMessages();
  renderSessions();
  renderDetail();
}

function renderMessages() {
  const list = document.getElementById("messages");
  list.replaceChildren(
    ...state.messages.slice().reverse().map((m) => {
      const item = el(
        "li",
        { class: "message", "data-id": m.id },
        el("span", { class: "title" }, m.subject || "(no subject)"),
        el("span", { class: "meta" },
          el("span", { class: "status " + m.status }, m.status), " ", time(m.receivedAt), " ",
          m.from || "<>", " \u2192 ", m.recipients.map((r) => r.address).join(", ")),
      );
      item.addEventListener("click", () => select("message", m.id));
      if (isSelected("message", m.id)) item.classList.add("selected");
      return item;
    }),
  );
  document.getElementById("message-count").textContent = state.messages.length;
  document.getElementById("no-messages").hidden = state.messages.length > 0;
}

function renderSessions() {
  const list = document.getElementById("sessions");
  list.replaceChildren(
    ...state.sessions.slice().reverse().map((s) => {
      const fired = s.lines.filter((l) => l.rule).length;
      const item = el(
        "li",
        { class: "session", "data-id": s.id },
        el("span", { class: "title" }, s.id + " \u00b7 connection " + s.connection),
        el("span", { class: "meta" },
          time(s.startedAt), " ", s.client, " ", s.end || "open",
          fired ? " \u00b7 " + fired + " rule" + (fired > 1 ? "s" : "") + " fired" : ""),
      );
      item.addEventListener("click", () => select("session", s.id));
      if (isSelected("session", s.id)) item.classList.add("selected");
      return item;
    }),
  );
  document.getElementById("session-count").textContent = state.sessions.length;
  document.getElementById("no-sessions").hidden = state.sessions.length > 0;
}

function isSelected(kind, id) {
  return state.selected && state.selected.kind === kind && state.selected.id === id;
}

function select(kind, id) {
  state.selected = { kind, id };
  render();
}

async function renderDetail() {
  const detail = document.getElementById("detail");
  const selected = state.selected;
  if (!selected) return;
  if (selected.kind === "session") {
    const session = state.sessions.find((s) => s.id === selected.id);
    detail.replaceChildren(...(session ? sessionView(session) : [gone()]));
    return;
  }
  const message = state.messages.find((m) => m.id === selected.id);
  if (!message) {
    detail.replaceChildren(gone());
    return;
  }
  const raw = await api("/api/messages/" + encodeURIComponent(message.id) + "/raw").then((r) => r.text());
  if (!isSelected("message", message.id)) return; // another click came first
  const session = state.sessions.find((s) => s.id === message.sessionId);
  detail.replaceChildren(...messageView(message, raw), ...(session ? sessionView(session, 3) : []));
}

function gone() {
  return el("p", { class: "hint" }, "No longer stored (reset or evicted).");
}

function messageView(m, raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const body = split < 0 ? "" : raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const rows = [
    ["id", m.id], ["status", m.status], ["reply", m.reply || ""], ["from", m.from || "<>"],
    ["to", m.recipients.map((r) => r.address).join(", ")], ["size", m.size + " bytes" + (m.truncated ? " (truncated)" : "")],
    ["received", m.receivedAt], ["session", m.sessionId + " (connection " + m.connection + ")"],
  ];
  // under LMTP each recipient has a reply of its own; under SMTP they all have the message's
  const perRecipient = m.recipients.some((r) => r.reply !== m.reply || r.status !== m.status);
  return [
    el("h2", { id: "message-subject" }, m.subject || "(no subject)"),
    el("table", { id: "envelope" }, ...rows.map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, v)))),
    ...(perRecipient ? [
      el("h3", {}, "Recipients"),
      el("table", { id: "recipients" }, ...m.recipients.map((r) =>
        el("tr", { class: "recipient " + r.status }, el("th", {}, r.address), el("td", {}, r.status),
          el("td", {}, r.reply || "")))),
    ] : []),
    el("h3", {}, "Headers"),
    el("table", { id: "headers" }, ...m.headers.map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, v)))),
    el("h3", {}, "Body"),
    el("pre", { id: "body" }, body),
  ];
}

function sessionView(s, level = 2) {
  const lines = s.lines.map((l) => {
    const code = l.dir === "S" && /^[2-5]/.test(l.text) ? " code" + l.text[0] : "";
    return el(
      "div",
      { class: "line " + l.dir + code + (l.rule ? " rule" : "") },
      el("span", { class: "at" }, time(l.at)),
      el("span", { class: "dir" }, l.dir + ":"),
      el("span", { class: "text" }, l.text),
      l.rule
        ? el("span", { class: "rule-tag", title: l.rule.source + ":" + l.rule.line + ":" + l.rule.column },
            "rule " + l.rule.name)
        : el("span"),
    );
  });
  const tls = s.tls ? s.tls.protocol + " " + s.tls.cipher : "no TLS";
  return [
    el("h" + level, {}, "Session " + s.id),
    el("p", { class: "hint" },
      "connection " + s.connection + " from " + s.client + ", " + tls +
      (s.user ? ", user " + s.user : "") + ", " + (s.end ? "ended: " + s.end : "open")),
    el("div", { class: "transcript", id: "transcript" }, ...lines),
  ];
}

document.getElementById("reset").addEventListener("click", async () => {
  try {
    await api("/api/reset", { method: "POST" });
    state.selected = null;
    document.getElementById("detail").replaceChildren(el("p", { class: "hint" }, "Reset."));
    await refresh();
  } catch (error) {
    banner(error.message);
  }
});

async function loop() {
  if (document.getElementById("live").checked) await refresh();
  setTimeout(loop, POLL_MS);
}

window.addEventListener("hashchange", refresh);
loop();
