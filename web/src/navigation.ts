// Moving between pages without a reload: main.ts renders the page for the new address on popstate.
export function navigate(path: string): void {
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
