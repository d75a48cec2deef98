import { describe, expect, it } from 'vitest';
import { BOUNDARY, STOP_WORDS, cleanText, splitWords, tokenizeText } from '../../lib/text/index';

describe('tokenizeText', () => {
  it('drops inline math, LaTeX commands and citations but keeps formatted prose', () => {
    expect(
      tokenizeText(
        'Heavy-tailed $\\alpha$-stable noise in \\textbf{diffusion} samplers \\cite{song2021} with \\(x^2\\) drift.',
      ),
    ).toEqual(['heavy-tailed', 'stable', 'noise', 'diffusion', 'samplers', 'drift']);
    expect(tokenizeText('Kernel $$\\sum_i k(x_i)$$ estimators \\emph{converge} \\ref{thm:main}.')).toEqual([
      'kernel',
      'estimators',
      'converge',
    ]);
    expect(tokenizeText('Erd\\H{o}s graphs')).toEqual(['erdos', 'graphs']);
  });

  it('drops URLs and e-mail addresses', () => {
    expect(
      tokenizeText('Datasets at https://github.com/org/repo-name and www.example.org/data; mail jane.doe@uni.edu now.'),
    ).toEqual(['datasets', 'mail']);
  });

  it('drops pure numbers and one-letter words but keeps alphanumeric terms', () => {
    expect(tokenizeText('Trained 1,000 images for 3.5 epochs in 2024 on GPT-4 and 3D scenes, x 42')).toEqual([
      'trained',
      'images',
      'epochs',
      'gpt-4',
      '3d',
      'scenes',
    ]);
  });

  it('keeps hyphenated terms whole and removes state-of-the-art as a stop phrase', () => {
    expect(tokenizeText('Self-supervised, state-of-the-art vision-language models')).toEqual([
      'self-supervised',
      'vision-language',
      'models',
    ]);
  });

  it('is Unicode-aware: NFKC forms, accents and other scripts', () => {
    // "ﬁ" is the U+FB01 ligature, the dash is U+2010 HYPHEN.
    expect(tokenizeText('Naïve ﬁne\u2010tuning for Ελληνικά and GRÖSSE Größe')).toEqual([
      'naïve',
      'fine-tuning',
      'ελληνικά',
      'grösse',
      'größe',
    ]);
  });

  it('removes English and academic stop words and possessives', () => {
    expect(
      tokenizeText("In this paper we propose a novel approach; results show the model's accuracy improves."),
    ).toEqual(['model', 'accuracy']);
    for (const w of [
      'the',
      'paper',
      'propose',
      'proposed',
      'approach',
      'results',
      'show',
      'novel',
      'state-of-the-art',
      'method',
    ]) {
      expect(STOP_WORDS.has(w)).toBe(true);
    }
    for (const w of ['network', 'learning', 'graph', 'language']) expect(STOP_WORDS.has(w)).toBe(false);
  });
});

describe('splitWords', () => {
  it('marks punctuation, removed markup and stop words as phrase boundaries', () => {
    expect(splitWords(cleanText('Graph neural networks, and $x$ transformers of vision'))).toEqual([
      'graph',
      'neural',
      'networks',
      BOUNDARY,
      'transformers',
      BOUNDARY,
      'vision',
    ]);
  });

  it('never starts with or repeats a boundary', () => {
    expect(splitWords(cleanText('... the, of; (graph) -- ; networks'))).toEqual(['graph', BOUNDARY, 'networks']);
  });
});
