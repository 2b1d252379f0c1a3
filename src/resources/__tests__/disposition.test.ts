import { attachmentDisposition } from '../disposition';
import { fileLanguagesSchema, resourceProblem } from '..';

describe('attachmentDisposition', () => {
  it('downloads under the uploaded name, exact in filename* and folded to ASCII in filename', () => {
    expect(attachmentDisposition('Izvještaj o radu – Čelinac 2012.pdf')).toBe(
      `attachment; filename="izvjestaj-o-radu-celinac-2012.pdf"; filename*=UTF-8''Izvje%C5%A1taj%20o%20radu%20%E2%80%93%20%C4%8Celinac%202012.pdf`
    );
    expect(attachmentDisposition('Извјештај.pdf')).toBe(`attachment; filename="izvjestaj.pdf"; filename*=UTF-8''%D0%98%D0%B7%D0%B2%D1%98%D0%B5%D1%88%D1%82%D0%B0%D1%98.pdf`);
  });

  it('cannot be used to inject header parameters or paths', () => {
    const header = attachmentDisposition('a"; filename="evil.html\r\nX: y/../b.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.pdf"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(attachmentDisposition('notes')).toMatch(/filename="notes\.pdf"/);
  });
});

describe('resource input', () => {
  it('takes the languages of a file as locale codes, each once', () => {
    expect(fileLanguagesSchema.safeParse(['bs', 'sr-Cyrl']).success).toBe(true);
    expect(fileLanguagesSchema.safeParse(null).success).toBe(true);
    expect(fileLanguagesSchema.safeParse(['bs', 'bs']).success).toBe(false);
    expect(fileLanguagesSchema.safeParse(['de']).success).toBe(false);
    expect(fileLanguagesSchema.safeParse('bs').success).toBe(false);
  });

  it('refuses a stored file that is not a PDF, and languages that are not locale codes', () => {
    expect(resourceProblem({ fileLanguages: ['bs'], file: { name: 'plakat.png', mime: 'image/png' } })).toEqual({
      path: ['file'],
      message: "“plakat.png” is not a PDF (image/png): a resource's file is a PDF",
    });
    expect(resourceProblem({ fileLanguages: 'bs', file: null })?.path).toEqual(['fileLanguages']);
    expect(resourceProblem({ fileLanguages: null, file: { name: 'a.pdf', mime: 'application/pdf' } })).toBeUndefined();
  });
});
