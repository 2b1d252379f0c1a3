import { toBlocks } from '../rich-text';

it('turns paragraphs and numbered lists into Strapi blocks', () => {
  expect(toBlocks(['Prvi pasus.', { ordered: ['jedan', 'dva'] }])).toEqual([
    { type: 'paragraph', children: [{ type: 'text', text: 'Prvi pasus.' }] },
    {
      type: 'list',
      format: 'ordered',
      children: [
        { type: 'list-item', children: [{ type: 'text', text: 'jedan' }] },
        { type: 'list-item', children: [{ type: 'text', text: 'dva' }] },
      ],
    },
  ]);
});
