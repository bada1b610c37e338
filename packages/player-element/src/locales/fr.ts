import { fr as cart } from '@live-shop/cart-drawer/locales/fr';
import { fr as overlay } from '@live-shop/overlay-cards/locales/fr';
import type { PlayerLocale } from './types.js';

export type { PlayerLocale } from './types.js';

// French typography: a no-break space (\u00a0) before ":", so that it never starts a line.
const player = {
  connecting: 'Connexion…',
  live: 'En direct',
  replay: 'Replay',
  reconnecting: 'Reconnexion…',
  panelLabel: 'Produits et discussion',
  chatTab: 'Discussion',
  shelfTab: 'Produits',
  cartButton: { one: 'Panier, {count} article', many: 'Panier, {count} d’articles', other: 'Panier, {count} articles' },
  errors: {
    'no-video': 'Ce lecteur n’a pas encore de vidéo\u00a0: la page doit indiquer un src ou un playback-id sur <live-shop>.',
    'stream-unsupported': 'Ce navigateur ne peut pas lire la vidéo\u00a0: essayez un navigateur à jour.',
    'stream-network': 'La vidéo n’a pas pu être chargée\u00a0: vérifiez votre connexion, puis actualisez la page.',
    'stream-media': 'La vidéo n’a pas pu être décodée\u00a0: actualisez la page ou essayez un autre navigateur.',
    'engine-load-failed': 'Le lecteur n’a pas pu être chargé\u00a0: vérifiez votre connexion, puis actualisez la page.',
    'relay-unreachable': 'Les produits ne sont plus mis à jour en direct\u00a0: vérifiez votre connexion, le lecteur continue d’essayer.',
    'relay-refused':
      'Les mises à jour des produits ont été refusées pour ce direct\u00a0: actualisez la page, ou demandez au propriétaire du site de vérifier l’identifiant du direct.',
    'replay-unavailable': 'Les produits de ce replay n’ont pas pu être chargés\u00a0: vérifiez votre connexion, puis actualisez la page.',
    'show-not-found': 'Ce direct est introuvable\u00a0: demandez au propriétaire du site de vérifier l’identifiant du direct.',
    'cart-unavailable': 'L’ajout au panier n’est pas disponible sur cette page\u00a0: achetez sur le site de la boutique.',
    'chat-unavailable': 'La discussion n’est pas disponible ici\u00a0: elle est ouverte pendant le direct.',
    'vote-unavailable': 'Le vote n’est pas disponible ici\u00a0: les sondages sont ouverts pendant le direct.',
    'moment-unavailable': 'Ce moment ne peut plus être lu ici\u00a0: ce flux ne le conserve plus.',
    'payment-link-refused': 'Le lien de paiement de ce produit ne peut pas être ouvert en toute sécurité\u00a0: achetez sur le site de la boutique.',
  },
  miniPlayer: {
    label: 'Mini-lecteur',
    move: 'Déplacer le mini-lecteur',
    backToShow: 'Revenir à l’émission',
    pictureInPicture: 'Image dans l’image',
    close: 'Fermer le mini-lecteur',
  },
};

/** French text for everything `<live-shop>` shows. */
export const fr: PlayerLocale = { player, overlay, cart };
