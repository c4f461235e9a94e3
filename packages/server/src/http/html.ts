/** Text made safe inside HTML elements and quoted attributes, for the pages the server writes itself. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
