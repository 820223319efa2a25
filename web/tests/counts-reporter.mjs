// A node:test reporter that writes "PASSED FAILED" (tests, not suites) for scripts/test.sh's summary line.
// A skipped or todo test counts as failed: the browser tests never skip.
export default async function* counts(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // A failing hook fails its suite without failing a test; count it so it is never lost.
      if (event.type === 'test:fail' && event.data.details?.error?.failureType !== 'subtestsFailed') failed += 1;
      continue;
    }
    if (event.type === 'test:pass' && !event.data.skip && !event.data.todo) passed += 1;
    else failed += 1;
  }
  yield `${passed} ${failed}\n`;
}
