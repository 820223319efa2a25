// The event stream parser (web/src/sse.ts) on byte streams cut at every awkward place.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEvents } from '../src/sse.js';

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function parse(...chunks: string[]): Promise<Array<[string, string | null, string]>> {
  const events: Array<[string, string | null, string]> = [];
  await readEvents(streamOf(...chunks), (type, id, data) => events.push([type, id, data]));
  return events;
}

describe('the server-sent events parser', () => {
  test('reads type, id and data of each event, and skips keep-alive comments', async () => {
    assert.deepEqual(await parse(': keep-alive\n\nevent: status\nid: 3\ndata: {"a":1}\n\n: keep-alive\n\nevent: status\nid: 4\ndata: {"a":2}\n\n'),
      [['status', '3', '{"a":1}'], ['status', '4', '{"a":2}']]);
  });

  test('joins multi-line data and keeps the last id for an event without one', async () => {
    assert.deepEqual(await parse('id: 7\ndata: one\ndata: two\n\ndata: three\n\n'), [['message', '7', 'one\ntwo'], ['message', '7', 'three']]);
  });

  test('copes with chunks cut inside a line, inside a CRLF and inside a multi-byte character', async () => {
    const text = 'event: status\r\nid: 12\r\ndata: {"name":"Ayşe"}\r\n\r\n';
    const bytes = new TextEncoder().encode(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      const events: Array<[string, string | null, string]> = [];
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.slice(0, cut));
          controller.enqueue(bytes.slice(cut));
          controller.close();
        },
      });
      await readEvents(stream, (type, id, data) => events.push([type, id, data]));
      assert.deepEqual(events, [['status', '12', '{"name":"Ayşe"}']], `cut at byte ${cut}`);
    }
  });

  test('sends nothing for an event the stream ends before its blank line', async () => {
    assert.deepEqual(await parse('event: status\nid: 1\ndata: {}\n'), []);
  });
});
