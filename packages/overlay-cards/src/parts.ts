// The parts each element shows, for the elements that hold it. A shadow root hides its
// parts from the page unless every element between the page and the part forwards them
// with `exportparts`; the holders (the highlight stack, the shelf, <live-shop>) forward
// these lists with a prefix. The player's parts test renders every element and fails on
// a part that is not forwarded, so a part added to an element must be added here.

/** <live-shop-product-details>'s parts but its `button` (Add to cart). */
const DETAILS =
  'dialog panel title close-button gallery gallery-image gallery-previous gallery-next gallery-thumbnails gallery-thumbnail price compare-at-price stock variant-picker option-group option-label option-select option-value description';
/**
 * How <live-shop-product-card> forwards its details sheet's parts: `details-…`, and its
 * Add to cart `button` as `details-add-button` (`details-button` is the card's own
 * "Details" button).
 */
export const DETAILS_EXPORTPARTS = `${exportParts('details', DETAILS)}, button: details-add-button`;
/** <live-shop-product-card>'s parts, with the ones it forwards from its details sheet. */
export const CARD_PARTS = `base image title price compare-at-price stock variant-picker option-group option-label option-select option-value button details-button details ${prefixNames('details', DETAILS)} details-add-button`;
/** How a holder of product cards forwards their parts: `card-…`. */
export const CARD_EXPORTPARTS = exportParts('card', CARD_PARTS);

/** <live-shop-shelf>'s parts, with its cards' as `card-…`. */
export const SHELF_PARTS = `base item card moments moment ${prefixNames('card', CARD_PARTS)}`;
/** <live-shop-highlights>'s parts, with its cards' as `card-…`. */
export const HIGHLIGHTS_PARTS = `base card ${prefixNames('card', CARD_PARTS)}`;
export const CHAT_PARTS =
  'base pinned pinned-label list message author badge badge-host badge-moderator time text empty new-messages-button error composer input send-button counter name change-name-button name-form name-label name-input name-save-button name-cancel-button name-error closed-notice own-message own-tag send-countdown';
export const POLL_PARTS = 'base form question label options option vote-button results result result-voted option-text your-vote percent votes bar bar-fill total closed countdown error';
export const OFFER_PARTS = 'base image kind title product-title price compare-at-price countdown quantity code-label code copy-button shop-button';
export const STATUS_PARTS = 'base eyebrow title start-time relative-time countdown actions calendar-button remind-button confirmation message replay-button';
export const MOMENTS_BAR_PARTS = 'base track playhead marker tooltip';
export const REACTIONS_PARTS = 'base buttons button emoji count stage particle';
export const VIEWER_COUNT_PARTS = 'base icon label';

/** `names` (space-separated) as `<prefix>-<name>`. */
export function prefixNames(prefix: string, names: string): string {
  return names
    .split(' ')
    .map((name) => `${prefix}-${name}`)
    .join(' ');
}

/**
 * The `exportparts` value that forwards `names` (space-separated) as `<prefix>-<name>`, so
 * that `live-shop::part(chat-message)` reaches the chat's `message` part.
 */
export function exportParts(prefix: string, names: string): string {
  return names
    .split(' ')
    .map((name) => `${name}: ${prefix}-${name}`)
    .join(', ');
}
