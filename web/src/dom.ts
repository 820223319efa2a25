// A few typed helpers to build the DOM without a framework.

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function clear(element: Element): void {
  element.replaceChildren();
}

let idCounter = 0;
export function uniqueId(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A labelled form control; the label is always a real <label for>. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLDivElement {
  if (!control.id) control.id = uniqueId('f');
  const error = h('p', { class: 'field-error', id: `${control.id}-error`, role: 'alert', hidden: true });
  const described = [hint ? `${control.id}-hint` : null, error.id].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', described);
  return h('div', { class: 'field' },
    h('label', { for: control.id }, label),
    hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null,
    control,
    error);
}

/** Shows (or, with no messages, hides) the error line of a field made by field(). */
export function setFieldError(control: Element, messages: string[]): void {
  const error = document.getElementById(`${control.id}-error`);
  if (!error) return;
  error.textContent = messages.join(' ');
  error.hidden = messages.length === 0;
  if (messages.length > 0) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

/** An alert line placed next to the control it is about; empty text hides it. */
export function alertLine(className = 'problem'): HTMLParagraphElement & { show(text: string): void; hide(): void } {
  const line = h('p', { class: className, role: 'alert', hidden: true }) as HTMLParagraphElement & { show(text: string): void; hide(): void };
  line.show = (text: string) => {
    line.textContent = text;
    line.hidden = text === '';
  };
  line.hide = () => line.show('');
  return line;
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function seconds(total: number): string {
  const whole = Math.max(0, Math.ceil(total));
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}

export function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard?.writeText) {
    return navigator.clipboard.writeText(text).then(() => true, () => false);
  }
  return Promise.resolve(false);
}
