import { Defect } from '../sample.model';
import { moireDefect, motionDefect } from './camera.defect';
import { copyDefect } from './copy.defect';
import { deskDefect } from './desk.defect';
import { DocumentImage } from './document-image';
import { cropDefect, rotateDefect } from './geometry.defect';
import { glareDefect } from './glare.defect';
import { photoDefect } from './photo.defect';
import { blurDefect, brightDefect, darkDefect, jpegDefect, lowResolutionDefect } from './photometric.defect';

/** Applies one defect. Pure: the input image is not modified. */
export async function applyDefect(image: DocumentImage, defect: Defect): Promise<DocumentImage> {
  // Any change to the pixels invalidates kept JPEG bytes; jpegDefect sets fresh ones.
  const input: DocumentImage = { ...image, jpeg: undefined };
  switch (defect.kind) {
    case 'blur':
      return blurDefect(input, defect.sigma);
    case 'glare':
      return glareDefect(input, defect.region, defect.intensity, defect.size, defect.seed);
    case 'dark':
      return darkDefect(input, defect.factor);
    case 'bright':
      return brightDefect(input, defect.factor);
    case 'lowres':
      return lowResolutionDefect(input, defect.width);
    case 'jpeg':
      return jpegDefect(input, defect.quality);
    case 'rotate':
      return rotateDefect(input, defect.angle);
    case 'crop':
      return cropDefect(input, defect.edge, defect.fraction);
    case 'desk':
      return deskDefect(input, defect);
    case 'copy':
      return copyDefect(input, defect.style, defect.seed);
    case 'photo':
      return photoDefect(input, defect);
    case 'moire':
      return moireDefect(input, defect.period, defect.amplitude, defect.seed);
    case 'motion':
      return motionDefect(input, defect.length, defect.angle);
  }
}

/** Applies defects in order (a combination such as desk, then blur, then JPEG). */
export async function applyDefects(image: DocumentImage, defects: readonly Defect[]): Promise<DocumentImage> {
  let current = image;
  for (const defect of defects) current = await applyDefect(current, defect);
  return current;
}
