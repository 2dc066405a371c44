import { describe, expect, it } from 'vitest'
import { defaultPanelWidth, panelBounds, panelMax } from '../../src/renderer/ui/article/layout'

describe('the side panel’s width', () => {
  it('leaves the text at least 560 px and never takes more than 60% of the window', () => {
    for (const viewport of [880, 1024, 1280, 1440, 1920, 2560, 3840]) {
      const max = panelMax(viewport)
      expect(viewport - max).toBeGreaterThanOrEqual(560)
      expect(max).toBeLessThanOrEqual(Math.round(viewport * 0.6))
      expect(panelBounds(viewport, 10_000)).toBe(max)
    }
  })

  it('is never narrower than 300 px, even where the window cannot spare it', () => {
    expect(panelBounds(700, 100)).toBe(300)
    expect(panelMax(700)).toBe(300)
  })

  it('defaults to about a third of the window, up to 760 px on wide screens', () => {
    expect(defaultPanelWidth(1024)).toBe(340)
    expect(defaultPanelWidth(1440)).toBe(461)
    expect(defaultPanelWidth(2560)).toBe(760)
  })
})
