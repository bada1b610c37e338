import { ar as cart } from '@live-shop/cart-drawer/locales/ar';
import { ar as overlay } from '@live-shop/overlay-cards/locales/ar';
import type { PlayerLocale } from './types.js';

export type { PlayerLocale } from './types.js';

// The cart button's forms for exactly 0, 1 and 2 items name the number in words, as Arabic does.
const player = {
  connecting: 'جارٍ الاتصال…',
  live: 'مباشر',
  replay: 'إعادة',
  reconnecting: 'جارٍ إعادة الاتصال…',
  panelLabel: 'المنتجات والدردشة',
  chatTab: 'الدردشة',
  shelfTab: 'المنتجات',
  cartButton: {
    zero: 'السلة، فارغة',
    one: 'السلة، منتج واحد',
    two: 'السلة، منتجان',
    few: 'السلة، {count} منتجات',
    many: 'السلة، {count} منتجًا',
    other: 'السلة، {count} منتج',
  },
  errors: {
    'no-video': 'لا يحتوي هذا المشغّل على فيديو بعد: يجب أن تحدّد الصفحة src أو playback-id في <live-shop>.',
    'stream-unsupported': 'لا يستطيع هذا المتصفح تشغيل الفيديو: جرّب متصفحًا محدّثًا.',
    'stream-network': 'تعذّر تحميل الفيديو: تحقّق من اتصالك، ثم أعد تحميل الصفحة.',
    'stream-media': 'تعذّر فك ترميز الفيديو: أعد تحميل الصفحة، أو جرّب متصفحًا آخر.',
    'engine-load-failed': 'تعذّر تحميل المشغّل: تحقّق من اتصالك، ثم أعد تحميل الصفحة.',
    'relay-unreachable': 'تحديثات المنتجات المباشرة غير متاحة: تحقّق من اتصالك؛ يواصل المشغّل المحاولة.',
    'relay-refused': 'رُفضت تحديثات المنتجات لهذا البث: أعد تحميل الصفحة، أو اطلب من مالك الموقع التحقق من معرّف البث.',
    'replay-unavailable': 'تعذّر تحميل منتجات هذه الإعادة: تحقّق من اتصالك، ثم أعد تحميل الصفحة.',
    'show-not-found': 'لم يُعثر على هذا البث: اطلب من مالك الموقع التحقق من معرّف البث.',
    'cart-unavailable': 'الإضافة إلى السلة غير متاحة في هذه الصفحة: اشترِ من موقع المتجر.',
    'chat-unavailable': 'الدردشة غير متاحة هنا: تعمل أثناء البث المباشر.',
    'vote-unavailable': 'التصويت غير متاح هنا: تقبل الاستطلاعات الأصوات أثناء البث المباشر.',
    'moment-unavailable': 'لم يعد بالإمكان تشغيل تلك اللحظة هنا: لم يعد هذا البث يحتفظ بها.',
    'payment-link-refused': 'لا يمكن فتح رابط الدفع لهذا المنتج بأمان: اشترِ من موقع المتجر.',
  },
  miniPlayer: {
    label: 'المشغّل المصغّر',
    move: 'تحريك المشغّل المصغّر',
    backToShow: 'العودة إلى البث',
    pictureInPicture: 'صورة داخل صورة',
    close: 'إغلاق المشغّل المصغّر',
  },
};

/** Arabic (Modern Standard) text for everything `<live-shop>` shows. */
export const ar: PlayerLocale = { player, overlay, cart };
