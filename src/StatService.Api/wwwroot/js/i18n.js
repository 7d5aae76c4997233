// Every text of the pages, Danish (the default) and English: the service's one text resource, which the
// API's answers and the deliverables use too. Loaded once, before any page script runs.
export const texts = await (await fetch("/i18n/texts.json")).json();
