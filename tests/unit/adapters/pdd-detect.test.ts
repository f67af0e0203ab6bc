import { describe, expect, it } from 'vitest';
import { detectPddPage } from '@/lib/adapters/pinduoduo';

describe('detectPddPage', () => {
  it.each([
    'https://mms.pinduoduo.com/chat-merchant/index.html#/',
    'https://mms.pinduoduo.com/chat-merchant/#/',
    'https://mms.pinduoduo.com/chat-merchant/index.html?r=0.123#/',
  ])('recognises the chat workbench %s', (url) => expect(detectPddPage(url)).toBe('chat'));

  it.each([
    'https://mms.pinduoduo.com/aftersales/aftersale_list',
    'https://mms.pinduoduo.com/chat-merchantx/',
    'http://mms.pinduoduo.com/chat-merchant/index.html',
    'https://mms.pinduoduo.com.evil.example/chat-merchant/',
    'https://fxg.jinritemai.com/ffa/mshop/homepage/index',
    'not a url',
  ])('rejects %s', (url) => expect(detectPddPage(url)).toBeNull());
});
