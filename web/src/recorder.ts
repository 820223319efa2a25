// The camera (getUserMedia) and one recording of it (MediaRecorder), stopped at the question's duration at the latest.

const preferredTypes = ['video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'];

export async function openCamera(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new Error('unsupported');
  return navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: true });
}

export function stopCamera(stream: MediaStream | null): void {
  stream?.getTracks().forEach((track) => track.stop());
}

/** Why the camera could not be opened, as a sentence. */
export function cameraProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : error instanceof Error ? error.message : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'The browser was not allowed to use your camera and microphone. Allow them for this page, or pick a video file instead.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera or microphone was found. Connect one, or pick a video file instead.';
    case 'NotReadableError':
      return 'Your camera is in use by another program. Close it and reload, or pick a video file instead.';
    case 'unsupported':
      return 'This browser cannot record video here (it needs a secure https page). Pick a video file instead.';
    default:
      return 'The camera could not be started. Pick a video file instead.';
  }
}

export interface Recording {
  /** Ends the recording now (it ends by itself at the limit). */
  stop(): void;
  readonly done: Promise<Blob>;
}

export function record(stream: MediaStream, maxSeconds: number, onTick: (elapsedSeconds: number) => void): Recording {
  const mimeType = preferredTypes.find((type) => MediaRecorder.isTypeSupported(type)) ?? '';
  const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : {});
  const chunks: Blob[] = [];
  const started = performance.now();
  let ticker = 0;
  let limit = 0;
  const done = new Promise<Blob>((resolve, reject) => {
    recorder.ondataavailable = (event) => { if (event.data.size > 0) chunks.push(event.data); };
    recorder.onstop = () => {
      window.clearInterval(ticker);
      window.clearTimeout(limit);
      const type = (recorder.mimeType || mimeType || 'video/webm').split(';')[0]!;
      resolve(new Blob(chunks, { type }));
    };
    recorder.onerror = () => {
      window.clearInterval(ticker);
      window.clearTimeout(limit);
      reject(new Error('The recording failed.'));
    };
  });
  recorder.start(500);
  onTick(0);
  ticker = window.setInterval(() => onTick((performance.now() - started) / 1000), 250);
  limit = window.setTimeout(() => { if (recorder.state !== 'inactive') recorder.stop(); }, maxSeconds * 1000);
  return {
    stop: () => { if (recorder.state !== 'inactive') recorder.stop(); },
    done,
  };
}

export function fileExtension(type: string): string {
  return type.includes('mp4') ? 'mp4' : 'webm';
}
