// A video upload as multipart/form-data (questionId + file) with XMLHttpRequest, the one browser API that reports
// upload progress.
import { ApiError, authHeaders, networkProblem, videoUploadUrl } from './api';
import type { Problem, VideoResponse } from './types';

export interface UploadHandle {
  done: Promise<VideoResponse>;
  abort(): void;
}

export function uploadVideo(
  applicationId: string,
  questionId: string,
  file: Blob,
  fileName: string,
  onProgress: (fraction: number) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<VideoResponse>((resolve, reject) => {
    xhr.open('POST', videoUploadUrl(applicationId));
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as VideoResponse);
        return;
      }
      reject(new ApiError(parseProblem(xhr)));
    };
    xhr.onerror = () => reject(new ApiError(networkProblem()));
    xhr.onabort = () => reject(new ApiError({ status: 0, title: 'aborted', code: 'upload.aborted' }));
    const form = new FormData();
    form.append('questionId', questionId);
    form.append('file', file, fileName);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

function parseProblem(xhr: XMLHttpRequest): Problem {
  try {
    return { ...(JSON.parse(xhr.responseText) as Partial<Problem>), status: xhr.status };
  } catch {
    return { status: xhr.status, title: xhr.statusText };
  }
}
