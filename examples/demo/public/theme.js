// ?theme=light or ?theme=dark: the page's <link id="theme"> loads that example theme
// (examples/themes). Only the two known names: the query never becomes a URL of its own.
const themes = { light: '/themes/light.css', dark: '/themes/dark.css' };
const theme = new URLSearchParams(location.search).get('theme');
const link = document.getElementById('theme');
if (link instanceof HTMLLinkElement && theme !== null && Object.hasOwn(themes, theme)) link.href = themes[theme];
