/** The text of the shelf and the moments bar; set a partial object on `strings` to translate. */
export interface ShelfStrings {
  /** The name of the shelf's list. */
  shelfLabel: string;
  /** Before a product's moment buttons. */
  featured: string;
  /** A moment button's name; `{time}` (shown on the button) must stay in it. */
  watchMoment: string;
  /** The moments bar's name. */
  momentsBar: string;
  /** A marker's name and tooltip; `{title}` and `{time}`. */
  momentMarker: string;
}

export const defaultShelfStrings: Readonly<ShelfStrings> = Object.freeze({
  shelfLabel: 'Products in this show',
  featured: 'Featured at',
  watchMoment: 'Watch from {time}',
  momentsBar: 'Product moments',
  momentMarker: '{title}, featured at {time}',
});
