import { LocaleController } from '@dongbi/editor'
import type { Rubric, RubricCriterion } from '@dongbi/schema'
import { LitElement, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { tr } from '../messages.ts'

const shortId = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 8)}`

/** A starting rubric for practice 公文: format, structure, language, three levels each. */
function sampleRubric(): Rubric {
  const levels = () => [
    { id: shortId('l'), label: '优秀', points: 10 },
    { id: shortId('l'), label: '合格', points: 6 },
    { id: shortId('l'), label: '待改进', points: 2 },
  ]
  return [
    { id: shortId('c'), name: '格式规范', description: '要素齐全，位置和写法符合 GB/T 9704', levels: levels() },
    { id: shortId('c'), name: '结构层次', description: '层次清楚，序号使用正确', levels: levels() },
    { id: shortId('c'), name: '语言表达', description: '用语准确、简洁、得体', levels: levels() },
  ]
}

/**
 * The rubric builder of the assignment form: criteria with a name and guidance, each with
 * levels (label and points); add and remove both, or start from a sample.
 *
 * @fires dongbi-rubric-change - the new `Rubric` after every edit.
 */
@customElement('dongbi-rubric-builder')
export class DongbiRubricBuilder extends LitElement {
  @property({ attribute: false }) rubric: Rubric = []
  private readonly locale = new LocaleController(this)

  override createRenderRoot(): HTMLElement {
    return this
  }

  private change(rubric: Rubric): void {
    this.rubric = rubric
    this.dispatchEvent(new CustomEvent<Rubric>('dongbi-rubric-change', { detail: rubric, bubbles: true, composed: true }))
  }

  private edit(index: number, patch: (c: RubricCriterion) => RubricCriterion): void {
    this.change(this.rubric.map((c, i) => (i === index ? patch(c) : c)))
  }

  private addCriterion(): void {
    this.change([
      ...this.rubric,
      { id: shortId('c'), name: '', description: '', levels: [{ id: shortId('l'), label: '优秀', points: 10 }, { id: shortId('l'), label: '合格', points: 6 }] },
    ])
  }

  private renderCriterion(c: RubricCriterion, index: number) {
    return html`<div class="criterion" data-criterion=${index}>
      <div class="criterion-head">
        <input
          class="criterion-name"
          aria-label=${tr('form.criterionName')}
          placeholder=${tr('form.criterionName')}
          maxlength="80"
          required
          .value=${c.name}
          @input=${(e: Event) => this.edit(index, (x) => ({ ...x, name: (e.target as HTMLInputElement).value }))}
        />
        <button type="button" class="link-button danger" @click=${() => this.change(this.rubric.filter((_, i) => i !== index))}>${tr('form.removeCriterion')}</button>
      </div>
      <input
        aria-label=${tr('form.criterionDescription')}
        placeholder=${tr('form.criterionDescription')}
        maxlength="1000"
        .value=${c.description}
        @input=${(e: Event) => this.edit(index, (x) => ({ ...x, description: (e.target as HTMLInputElement).value }))}
      />
      ${c.levels.map(
        (level, li) => html`<div class="level-row">
          <input
            class="level-label"
            aria-label=${tr('form.level')}
            placeholder=${tr('form.level')}
            maxlength="40"
            required
            .value=${level.label}
            @input=${(e: Event) => this.edit(index, (x) => ({ ...x, levels: x.levels.map((l, j) => (j === li ? { ...l, label: (e.target as HTMLInputElement).value } : l)) }))}
          />
          <input
            class="level-points"
            type="number"
            min="0"
            max="1000"
            step="0.5"
            aria-label=${tr('form.points')}
            .value=${String(level.points)}
            @input=${(e: Event) => this.edit(index, (x) => ({ ...x, levels: x.levels.map((l, j) => (j === li ? { ...l, points: Number((e.target as HTMLInputElement).value) || 0 } : l)) }))}
          />
          <button
            type="button"
            class="link-button danger"
            ?disabled=${c.levels.length <= 1}
            @click=${() => this.edit(index, (x) => ({ ...x, levels: x.levels.filter((_, j) => j !== li) }))}
          >${tr('form.removeLevel')}</button>
        </div>`,
      )}
      <div>
        <button type="button" class="link-button add-level" @click=${() => this.edit(index, (x) => ({ ...x, levels: [...x.levels, { id: shortId('l'), label: '', points: 0 }] }))}>+ ${tr('form.addLevel')}</button>
      </div>
    </div>`
  }

  protected override render() {
    const max = this.rubric.reduce((sum, c) => sum + Math.max(0, ...c.levels.map((l) => l.points)), 0)
    return html`${this.rubric.length ? this.rubric.map((c, i) => this.renderCriterion(c, i)) : html`<p class="hint">${tr('form.rubricEmpty')}</p>`}
      <div class="rubric-foot">
        <span>
          <button type="button" class="button-link add-criterion" @click=${this.addCriterion}>+ ${tr('form.addCriterion')}</button>
          ${this.rubric.length === 0 ? html`<button type="button" class="link-button sample-rubric" @click=${() => this.change(sampleRubric())}>${tr('form.sampleRubric')}</button>` : nothing}
        </span>
        ${this.rubric.length ? html`<strong>${tr('form.maxPoints', { n: max })}</strong>` : nothing}
      </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dongbi-rubric-builder': DongbiRubricBuilder
  }
  interface HTMLElementEventMap {
    'dongbi-rubric-change': CustomEvent<Rubric>
  }
}
