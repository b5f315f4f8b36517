import { describe, expect, it } from 'vitest'
import { isImageFile, linkedImagePaths } from '../../shared/linked-images.js'

describe('images a chosen file links to', () => {
  it('finds Markdown and HTML image paths, resolved against the file, never outside the folder', () => {
    const text = [
      '![شعار](صور/شعار%20مداد.png)',
      '![](<./صور/b.jpg> "تعليق")',
      '![](<صور/صورة الغلاف.png> "مسافة في الاسم")',
      '<img src="../archive/c.gif" alt="">',
      "<IMG SRC='d.webp?v=2'>",
      '![خارج](../../outside.png)',
      '![بعيد](https://tracker.example/x.png) ![جذر](/images/y.png)',
      '<img src="data:image/png;base64,AAAA">',
    ].join('\n')
    expect(linkedImagePaths(text, 'archive/2021/خبر.md')).toEqual([
      'archive/2021/صور/شعار مداد.png',
      'archive/2021/صور/b.jpg',
      'archive/2021/صور/صورة الغلاف.png',
      'archive/archive/c.gif',
      'archive/2021/d.webp',
    ])
    expect(linkedImagePaths('![](a.png)', 'خبر.md')).toEqual(['a.png'])
  })

  it('knows image files by their extension', () => {
    expect(['a.PNG', 'b.jpeg', 'c.webp', 'd.md', 'e'].map(isImageFile)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ])
  })
})
