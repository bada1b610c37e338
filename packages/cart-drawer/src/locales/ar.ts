import type { CartLocale } from './types.js';

export type { CartLocale } from './types.js';

/** Arabic (Modern Standard) text for the cart and the Storefront adapter's messages. */
export const ar: CartLocale = {
  cart: {
    title: 'سلة التسوق',
    close: 'إغلاق السلة',
    empty: 'سلتك فارغة.',
    loading: 'جارٍ تحميل سلتك…',
    updating: 'جارٍ تحديث سلتك',
    subtotal: 'المجموع الفرعي',
    total: 'الإجمالي',
    checkout: 'إتمام الشراء',
    remove: 'إزالة',
    removeLine: 'إزالة {title}',
    quantity: 'كمية {title}',
    decrease: 'إنقاص كمية {title}',
    increase: 'زيادة كمية {title}',
    each: '{price} للقطعة',
    retry: 'إعادة المحاولة',
    error: 'تعذّر تحديث سلتك: تحقّق من اتصالك، ثم أعد المحاولة.',
    noAdapter: 'لا يمكن تعديل هذه السلة بعد: حدّث الصفحة، ثم أعد المحاولة.',
  },
  storefront: {
    notEnoughStock: 'الكمية المتوفرة غير كافية، لذا أصبحت الكمية {quantity}.',
    soldOutNotAdded: 'نفدت كمية {title}، لذا لم تتم إضافته.',
    soldOutRemoved: 'نفدت كمية {title}، لذا أُزيل من سلتك.',
    item: 'هذا المنتج',
    unavailable: 'المتجر لا يستجيب حاليًا، وسلتك محفوظة: أعد المحاولة بعد قليل.',
    refused: 'تعذّر على المتجر تنفيذ هذا التغيير: حدّث الصفحة، ثم أعد المحاولة.',
    misconfigured: 'سلة هذا المتجر غير مُعدّة بشكل صحيح بعد: يُرجى إبلاغ المتجر.',
    merchandiseNotFound: 'لم يعد هذا المنتج معروضًا للبيع هنا: حدّث الصفحة لرؤية المتاح.',
    lineNotFound: 'لم يعد هذا المنتج في سلتك (عُدّلت السلة من مكان آخر): تعرض السلة الآن محتواها الحالي.',
    cartExpired: 'انتهت صلاحية سلتك فأصبحت فارغة: أضف المنتجات مجددًا.',
    invalidQuantity: 'يجب أن تكون الكمية عددًا صحيحًا لا يقل عن {minimum}: أدخل كمية أخرى.',
    emptyCart: 'سلتك فارغة: أضف منتجًا قبل إتمام الشراء.',
  },
};
