/** The viewport a fixed box is placed in, without scrollbars. */
export function viewport(): { width: number; height: number } {
  return { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
}
