import { es as cart } from '@live-shop/cart-drawer/locales/es';
import { es as overlay } from '@live-shop/overlay-cards/locales/es';
import type { PlayerLocale } from './types.js';

export type { PlayerLocale } from './types.js';

const player = {
  connecting: 'Conectando…',
  live: 'En vivo',
  replay: 'Repetición',
  reconnecting: 'Reconectando…',
  panelLabel: 'Productos y chat',
  chatTab: 'Chat',
  shelfTab: 'Productos',
  cartButton: { one: 'Carrito, {count} artículo', many: 'Carrito, {count} de artículos', other: 'Carrito, {count} artículos' },
  errors: {
    'no-video': 'Este reproductor aún no tiene video: la página debe indicar un src o un playback-id en <live-shop>.',
    'stream-unsupported': 'Este navegador no puede reproducir el video: prueba con un navegador actualizado.',
    'stream-network': 'No se pudo cargar el video: revisa tu conexión y vuelve a cargar la página.',
    'stream-media': 'No se pudo decodificar el video: vuelve a cargar la página o prueba con otro navegador.',
    'engine-load-failed': 'No se pudo cargar el reproductor: revisa tu conexión y vuelve a cargar la página.',
    'relay-unreachable': 'Los productos no se actualizan en vivo: revisa tu conexión; el reproductor sigue intentándolo.',
    'relay-refused':
      'Se rechazaron las novedades de productos de esta transmisión: vuelve a cargar la página o pide al responsable del sitio que revise el id de la transmisión.',
    'replay-unavailable': 'No se pudieron cargar los productos de esta repetición: revisa tu conexión y vuelve a cargar la página.',
    'show-not-found': 'No se encontró esta transmisión: pide al responsable del sitio que revise el id de la transmisión.',
    'cart-unavailable': 'Esta página no permite añadir al carrito: compra en el sitio web de la tienda.',
    'chat-unavailable': 'El chat no está disponible aquí: funciona mientras la transmisión está en vivo.',
    'vote-unavailable': 'No se puede votar aquí: las encuestas aceptan votos mientras la transmisión está en vivo.',
    'moment-unavailable': 'Ese momento ya no se puede reproducir aquí: esta transmisión ya no lo conserva.',
    'payment-link-refused': 'El enlace de pago de este producto no se puede abrir de forma segura: compra en el sitio web de la tienda.',
  },
  miniPlayer: {
    label: 'Minirreproductor',
    move: 'Mover el minirreproductor',
    backToShow: 'Volver a la transmisión',
    pictureInPicture: 'Imagen en imagen',
    close: 'Cerrar el minirreproductor',
  },
};

/** Spanish text for everything `<live-shop>` shows (neutral, for Spain and Latin America; tuteo). */
export const es: PlayerLocale = { player, overlay, cart };
