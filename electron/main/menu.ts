import type { MenuItemConstructorOptions } from 'electron'

/** The menu's words in each UI language. */
const menuWords = {
  ar: {
    app: 'مداد',
    edit: 'تحرير',
    undo: 'تراجع',
    redo: 'إعادة',
    cut: 'قص',
    copy: 'نسخ',
    paste: 'لصق',
    selectAll: 'تحديد الكل',
    view: 'عرض',
    reload: 'إعادة التحميل',
    zoomIn: 'تكبير',
    zoomOut: 'تصغير الخط',
    resetZoom: 'الحجم الأصلي',
    fullScreen: 'ملء الشاشة',
    window: 'نافذة',
    minimize: 'تصغير',
    close: 'إغلاق',
    quit: 'إنهاء مداد',
  },
  en: {
    app: 'Midad',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullScreen: 'Toggle Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close',
    quit: 'Quit Midad',
  },
} as const

/** The application menu in Arabic or English; roles keep the platform's shortcuts. */
export function menuTemplate(language: 'ar' | 'en'): MenuItemConstructorOptions[] {
  const w = menuWords[language]
  return [
    { label: w.app, submenu: [{ role: 'quit', label: w.quit }] },
    {
      label: w.edit,
      submenu: [
        { role: 'undo', label: w.undo },
        { role: 'redo', label: w.redo },
        { type: 'separator' },
        { role: 'cut', label: w.cut },
        { role: 'copy', label: w.copy },
        { role: 'paste', label: w.paste },
        { role: 'selectAll', label: w.selectAll },
      ],
    },
    {
      label: w.view,
      submenu: [
        { role: 'reload', label: w.reload },
        { type: 'separator' },
        { role: 'zoomIn', label: w.zoomIn },
        { role: 'zoomOut', label: w.zoomOut },
        { role: 'resetZoom', label: w.resetZoom },
        { role: 'togglefullscreen', label: w.fullScreen },
      ],
    },
    {
      label: w.window,
      submenu: [
        { role: 'minimize', label: w.minimize },
        { role: 'close', label: w.close },
      ],
    },
  ]
}
