// What every page shares: the language (Danish by default, English by switch), texts, DOM building
// without innerHTML (so no server or user text is ever parsed as HTML), and JSON calls.
import { texts } from "./i18n.js";

const languageKey = "statservice.language";
const listeners = [];
let chosenHere = null;
let opened = null;

/** The page's language: ?lang=, else the switch used on this page, else the order's language, else the visitor's last choice, else Danish. */
export function language() {
  const fromUrl = new URLSearchParams(location.search).get("lang");
  if (fromUrl === "da" || fromUrl === "en") return fromUrl;
  if (chosenHere) return chosenHere;
  if (opened) return opened;
  const stored = localStorage.getItem(languageKey);
  return stored === "en" ? "en" : "da";
}

/** A page about one order opens in that order's language (an English order's status page is English). */
export function openIn(next) {
  if ((next !== "da" && next !== "en") || opened === next) return;
  opened = next;
  applyTexts();
  for (const render of listeners) render();
}

export function t(key, values = {}) {
  const text = texts[language()][key] ?? texts.da[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in values ? String(values[name]) : `{${name}}`));
}

/** Calls back now and whenever the language changes, so a page re-renders its own dynamic parts. */
export function onLanguage(render) {
  listeners.push(render);
  render();
}

export function applyTexts(root = document) {
  document.documentElement.lang = language();
  for (const element of root.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll("[data-i18n-label]")) element.setAttribute("aria-label", t(element.dataset.i18nLabel));
  for (const element of root.querySelectorAll("[data-i18n-placeholder]")) element.placeholder = t(element.dataset.i18nPlaceholder);
}

export function setLanguage(next) {
  localStorage.setItem(languageKey, next);
  chosenHere = next;
  const url = new URL(location.href);
  url.searchParams.delete("lang");
  history.replaceState(null, "", url);
  applyTexts();
  for (const render of listeners) render();
}

/** The header with the site name, the page links and the language switch. */
export function startPage(titleKey) {
  const switchButton = document.getElementById("language-switch");
  switchButton.addEventListener("click", () => setLanguage(language() === "da" ? "en" : "da"));
  onLanguage(() => {
    applyTexts();
    document.title = `${t(titleKey)} – ${t("site.name")}`;
    switchButton.textContent = t("site.switch");
    switchButton.setAttribute("lang", language() === "da" ? "en" : "da");
    switchButton.setAttribute("aria-label", t("site.switchLabel"));
  });
}

/** el("p", { class: "x" }, "text", child): an element with attributes and children (text nodes for strings). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** A JSON call. Resolves to { ok, status, body }; body is the JSON (or problem+json) or null. */
export async function callJson(url, { method = "GET", body, apiKey } = {}) {
  const headers = { Accept: "application/json, application/problem+json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = response.headers.get("Content-Type") ?? "";
  const json = type.includes("json") ? await response.json().catch(() => null) : null;
  return { ok: response.ok, status: response.status, body: json };
}

export function formatDateTime(value) {
  if (!value) return "";
  return new Date(value).toLocaleString(language() === "da" ? "da-DK" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
}

export function formatNumber(value) {
  return Number(value).toLocaleString(language() === "da" ? "da-DK" : "en-GB");
}

/** A share in per cent with one decimal, as the language writes it: "17,7 %" or "17.7%". */
export function formatShare(percent) {
  const value = Number(percent).toLocaleString(language() === "da" ? "da-DK" : "en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return t("status.share", { value });
}

/** A table's title in words: "population-2019" reads "Indbyggere 2019"; a table without a title keeps its name. */
export function tableTitle(name) {
  const match = /^(.*)-((?:19|20)\d\d)$/.exec(name);
  const base = match ? match[1] : name;
  const title = t(`table.${base}`);
  if (title === `table.${base}`) return name;
  return match ? t("table.withYear", { table: title, year: match[2] }) : title;
}

/** Who changed an order, in words; null for anyone a requester need not be told of. */
export function actorText(actor) {
  if (!actor) return null;
  const role = actor.startsWith("caseworker") ? "caseworker" : actor;
  const text = t(`actor.${role}`);
  return text === `actor.${role}` ? null : text;
}

export function label(prefix, code) {
  const key = `${prefix}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

/**
 * An order's short id: the last eight hex digits. A UUIDv7 begins with its creation time, so orders of the
 * same minute share their first digits; the last ones are random and tell them apart.
 */
export function shortId(id) {
  return String(id).replace(/-/g, "").slice(-8);
}
