import { isHttpUrl, type Image, type Product, type Variant } from '@live-shop/protocol';
import { css, html, nothing, type TemplateResult } from 'lit';
import { fill, type CardStrings } from '../strings.js';

/** The product's images then its variants' own, each once, http(s) only. */
export function galleryImages(product: Product): Image[] {
  const images: Image[] = [];
  const seen = new Set<string>();
  for (const image of [...product.images, ...product.variants.flatMap((variant) => (variant.image ? [variant.image] : []))]) {
    if (!isHttpUrl(image.url) || seen.has(image.url)) continue;
    seen.add(image.url);
    images.push(image);
  }
  return images;
}

/** Where the variant's own image is in the gallery, if it has one. */
export function variantImageIndex(images: readonly Image[], variant: Variant | undefined): number {
  return variant?.image ? images.findIndex((image) => image.url === variant.image?.url) : -1;
}

export interface GalleryOptions {
  images: readonly Image[];
  index: number;
  strings: CardStrings;
  onShow: (index: number) => void;
}

/**
 * One image at a time in a fixed box, previous / next buttons and a row of thumbnails:
 * plain buttons, so keyboard and screen readers need nothing special; the position
 * ("Image 2 of 5") is a polite live region. Images are lazy and carry their width and
 * height; the box's aspect ratio is fixed, so nothing moves while they load or change.
 */
export function renderGallery({ images, index, strings, onShow }: GalleryOptions): TemplateResult | typeof nothing {
  if (images.length === 0) return nothing;
  const current = images[index] ?? (images[0] as Image);
  const position = (at: number) => fill(strings.imageOf, { index: String(at + 1), count: String(images.length) });
  const several = images.length > 1;
  return html`<div part="gallery" class="gallery">
    <div class="stage">
      <img
        part="gallery-image"
        class="gallery-image"
        src=${current.url}
        alt=${current.altText ?? ''}
        width=${current.width ?? nothing}
        height=${current.height ?? nothing}
        loading="lazy"
        decoding="async"
      />
      ${several
        ? html`<button part="gallery-previous" class="gallery-nav previous" type="button" aria-label=${strings.previousImage}
              @click=${() => onShow((index - 1 + images.length) % images.length)}>
              <span class="arrow" aria-hidden="true">‹</span>
            </button>
            <button part="gallery-next" class="gallery-nav next" type="button" aria-label=${strings.nextImage}
              @click=${() => onShow((index + 1) % images.length)}>
              <span class="arrow" aria-hidden="true">›</span>
            </button>`
        : nothing}
    </div>
    ${several
      ? html`<p class="gallery-position" aria-live="polite">${position(index)}</p>
          <ul part="gallery-thumbnails" class="thumbnails" role="list">
            ${images.map(
              (image, at) => html`<li>
                <button part="gallery-thumbnail" class="thumbnail" type="button" aria-label=${position(at)}
                  aria-current=${at === index ? 'true' : nothing} @click=${() => onShow(at)}>
                  <img src=${image.url} alt="" width=${image.width ?? nothing} height=${image.height ?? nothing} loading="lazy" decoding="async" />
                </button>
              </li>`,
            )}
          </ul>`
      : nothing}
  </div>`;
}

export const galleryStyles = css`
  .gallery {
    display: flex;
    flex-direction: column;
    gap: 8px;
    min-width: 0;
  }

  .stage {
    position: relative;
  }

  .gallery-image {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: var(--live-shop-details-image-ratio, 1);
    object-fit: contain;
    border-radius: calc(var(--live-shop-details-radius) * 0.66);
    background: color-mix(in srgb, var(--live-shop-details-color) 6%, transparent);
  }

  .gallery-nav {
    position: absolute;
    top: 50%;
    translate: 0 -50%;
    width: 36px;
    height: 36px;
    padding: 0;
    font: inherit;
    font-size: 1.5rem;
    line-height: 1;
    color: var(--live-shop-details-color);
    background: var(--live-shop-details-background);
    border: 1px solid var(--live-shop-details-border-color);
    border-radius: 50%;
    cursor: pointer;
  }

  /* Logical sides and a mirrored arrow: "previous" is on the right in right-to-left pages. */
  .gallery-nav.previous {
    inset-inline-start: 8px;
  }

  .gallery-nav.next {
    inset-inline-end: 8px;
  }

  :host(:dir(rtl)) .arrow {
    display: inline-block;
    transform: scaleX(-1);
  }

  .gallery-position {
    margin: 0;
    font-size: 0.8rem;
    color: var(--live-shop-details-muted-color);
  }

  .thumbnails {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .thumbnail {
    display: block;
    padding: 0;
    background: none;
    border: 2px solid transparent;
    border-radius: 8px;
    cursor: pointer;
  }

  .thumbnail[aria-current='true'] {
    border-color: var(--live-shop-details-accent);
  }

  .thumbnail img {
    display: block;
    width: 48px;
    height: auto;
    aspect-ratio: 1;
    object-fit: cover;
    border-radius: 6px;
  }

  .gallery-nav:focus-visible,
  .thumbnail:focus-visible {
    outline: 2px solid var(--live-shop-details-accent);
    outline-offset: 2px;
  }
`;
