import type { CartLocale } from './types.js';

export type { CartLocale } from './types.js';

// French typography: a no-break space (\u00a0) before ":", so that it never starts a line.

/** French text for the cart and the Storefront adapter's messages. */
export const fr: CartLocale = {
  cart: {
    title: 'Votre panier',
    close: 'Fermer le panier',
    empty: 'Votre panier est vide.',
    loading: 'Chargement de votre panier…',
    updating: 'Mise à jour de votre panier',
    subtotal: 'Sous-total',
    total: 'Total',
    checkout: 'Passer la commande',
    remove: 'Retirer',
    removeLine: 'Retirer {title}',
    quantity: 'Quantité pour {title}',
    decrease: 'Diminuer la quantité pour {title}',
    increase: 'Augmenter la quantité pour {title}',
    each: '{price} l’unité',
    retry: 'Réessayer',
    error: 'Impossible de mettre à jour votre panier\u00a0: vérifiez votre connexion, puis réessayez.',
    noAdapter: 'Ce panier ne peut pas encore être modifié\u00a0: actualisez la page, puis réessayez.',
  },
  storefront: {
    notEnoughStock: 'Stock insuffisant\u00a0: la quantité a été ramenée à {quantity}.',
    soldOutNotAdded: 'Rupture de stock pour {title}\u00a0: l’article n’a pas été ajouté.',
    soldOutRemoved: 'Rupture de stock pour {title}\u00a0: l’article a été retiré de votre panier.',
    item: 'cet article',
    unavailable: 'La boutique ne répond pas pour le moment, mais votre panier est conservé\u00a0: réessayez dans un instant.',
    refused: 'La boutique n’a pas pu effectuer cette modification\u00a0: actualisez la page, puis réessayez.',
    misconfigured: 'Le panier de cette boutique n’est pas encore bien configuré\u00a0: merci de prévenir la boutique.',
    merchandiseNotFound: 'Ce produit n’est plus en vente ici\u00a0: actualisez la page pour voir ceux qui le sont.',
    lineNotFound: 'Cet article n’est plus dans votre panier (il a été modifié ailleurs)\u00a0: voici son contenu actuel.',
    cartExpired: 'Votre panier avait expiré et il est maintenant vide\u00a0: ajoutez de nouveau vos articles.',
    invalidQuantity: 'La quantité doit être un nombre entier d’au moins {minimum}\u00a0: saisissez une autre quantité.',
    emptyCart: 'Votre panier est vide\u00a0: ajoutez un article avant de passer la commande.',
  },
};
