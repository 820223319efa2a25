// A server-sent events parser over a byte stream, apart from fetch so it can be tested on its own.

/** Parses server-sent events (WHATWG HTML §9.2.6) from a byte stream; comments (keep-alives) are ignored. */
export async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (type: string, id: string | null, data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let id: string | null = null;
  let data: string[] = [];
  let type = 'message';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      // A CR at the very end may be the first half of a CRLF split across two chunks: wait for the next one.
      if (newline === buffer.length - 1 && buffer[newline] === '\r') break;
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (data.length > 0) onEvent(type, id, data.join('\n'));
        data = [];
        type = 'message';
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let fieldValue = colon < 0 ? '' : line.slice(colon + 1);
      if (fieldValue.startsWith(' ')) fieldValue = fieldValue.slice(1);
      if (field === 'data') data.push(fieldValue);
      else if (field === 'event') type = fieldValue;
      else if (field === 'id' && !fieldValue.includes('\0')) id = fieldValue;
    }
  }
}
