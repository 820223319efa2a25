// A <video> for a signed media URL. Recordings made with MediaRecorder (WebM) carry no duration in their header,
// so the element reports Infinity until it has seen the end; seeking far ahead once makes it read the real one.
import { h } from './dom';

export function videoPlayer(url: string, label: string): HTMLVideoElement {
  const video = h('video', { controls: true, preload: 'metadata', src: url, 'aria-label': label, playsinline: true });
  video.addEventListener('loadedmetadata', () => resolveDuration(video), { once: true });
  return video;
}

export function resolveDuration(video: HTMLVideoElement): void {
  if (Number.isFinite(video.duration)) {
    video.dataset['duration'] = String(video.duration);
    return;
  }
  const restore = () => {
    if (!Number.isFinite(video.duration)) return;
    video.removeEventListener('durationchange', restore);
    video.currentTime = 0;
    video.dataset['duration'] = String(video.duration);
  };
  video.addEventListener('durationchange', restore);
  video.currentTime = Number.MAX_SAFE_INTEGER;
}
