import type { CartLocale } from './types.js';

export type { CartLocale } from './types.js';

/** Spanish text for the cart and the Storefront adapter's messages (neutral; tuteo). */
export const es: CartLocale = {
  cart: {
    title: 'Tu carrito',
    close: 'Cerrar el carrito',
    empty: 'Tu carrito está vacío.',
    loading: 'Cargando tu carrito…',
    updating: 'Actualizando tu carrito',
    subtotal: 'Subtotal',
    total: 'Total',
    checkout: 'Finalizar compra',
    remove: 'Eliminar',
    removeLine: 'Eliminar {title}',
    quantity: 'Cantidad de {title}',
    decrease: 'Disminuir la cantidad de {title}',
    increase: 'Aumentar la cantidad de {title}',
    each: '{price} por unidad',
    retry: 'Reintentar',
    error: 'No se pudo actualizar tu carrito: revisa tu conexión y vuelve a intentarlo.',
    noAdapter: 'Este carrito aún no se puede modificar: actualiza la página y vuelve a intentarlo.',
  },
  storefront: {
    notEnoughStock: 'No hay suficientes unidades, así que la cantidad ahora es {quantity}.',
    soldOutNotAdded: 'No se añadió {title} porque se agotó.',
    soldOutRemoved: 'Se quitó {title} de tu carrito porque se agotó.',
    item: 'este artículo',
    unavailable: 'La tienda no responde en este momento, pero tu carrito está a salvo: vuelve a intentarlo en un momento.',
    refused: 'La tienda no pudo hacer este cambio: actualiza la página y vuelve a intentarlo.',
    misconfigured: 'El carrito de esta tienda aún no está bien configurado: avisa a la tienda, por favor.',
    merchandiseNotFound: 'Este producto ya no está a la venta aquí: actualiza la página para ver lo que sí lo está.',
    lineNotFound: 'Ese artículo ya no está en tu carrito (se modificó en otro lugar): ahora ves lo que contiene.',
    cartExpired: 'Tu carrito caducó y ahora está vacío: vuelve a añadir los artículos.',
    invalidQuantity: 'La cantidad debe ser un número entero de al menos {minimum}: escribe otra cantidad.',
    emptyCart: 'Tu carrito está vacío: añade algo antes de pagar.',
  },
};
