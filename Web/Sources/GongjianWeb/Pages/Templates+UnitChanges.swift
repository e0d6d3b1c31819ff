/// The templates of a unit's change forms, its history, the history page and undo.
extension Templates {
  /// One change form, folded away until opened (open when it was just refused).
  static let changeForm = """
    <details class="change" id="{{formID}}"{{#open}} open{{/open}}>
    <summary>{{heading}}</summary>
    <form method="post" action="{{action}}" class="form" id="{{formID}}-form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    {{#fields}}
    <div class="field">
    {{#text}}<label for="{{id}}">{{label}}{{#optional}} <small class="optional">{{optional}}</small>{{/optional}}</label>
    <input id="{{id}}" name="{{key}}" value="{{value}}"{{#required}} required{{/required}}{{#invalid}} aria-invalid="true"{{/invalid}}>{{/text}}
    {{#checkbox}}<label class="check"><input type="checkbox" id="{{id}}" name="{{key}}" value="1"{{#checked}} checked{{/checked}}{{#invalid}} aria-invalid="true"{{/invalid}}> {{label}}</label>{{/checkbox}}
    {{#select}}<label for="{{id}}">{{label}}</label>
    <select id="{{id}}" name="{{key}}"{{#required}} required{{/required}}{{#invalid}} aria-invalid="true"{{/invalid}}>{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{text}}</option>{{/options}}</select>{{/select}}
    {{#choices}}<fieldset><legend>{{label}}{{#optional}} <small class="optional">{{optional}}</small>{{/optional}}</legend>
    {{#options}}<label class="check"><input type="checkbox" id="{{id}}" name="{{key}}" value="{{value}}"{{#checked}} checked{{/checked}}> {{text}}</label>{{/options}}</fieldset>{{/choices}}
    {{#hint}}<small class="hint">{{hint}}</small>{{/hint}}
    {{#problem}}<small class="field-error" id="{{id}}-error">{{problem}}</small>{{/problem}}
    </div>
    {{/fields}}
    <p><button id="{{formID}}-submit">{{submit}}</button></p>
    </form>
    </details>

    """

  /// A unit's forms and its latest changes, below its sheet.
  static let unitChanges = """
    {{#mayChange}}<section id="unit-changes">
    <h2>{{changesHeading}}</h2>
    {{{forms}}}
    </section>{{/mayChange}}
    <section id="unit-history">
    <h2>{{historyHeading}}</h2>
    {{#empty}}<p id="no-history">{{noHistory}}</p>{{/empty}}
    <div class="history">{{{table}}}</div>
    {{#mayRead}}<p class="footer">{{footer}} <a href="/history?unit={{unitID}}" id="unit-history-all">{{seeAll}}</a></p>{{/mayRead}}
    </section>

    """

  static let historyPage = """
    <h1>{{heading}}</h1>
    {{#unitName}}<p id="history-unit"><a href="/units/{{unitID}}">{{unitName}}</a></p>{{/unitName}}
    {{#empty}}<p id="no-history">{{noHistory}}</p>{{/empty}}
    <div class="history">{{{table}}}</div>
    <p class="footer" id="history-count">{{footer}}</p>
    <p class="pages">
    {{#newer}}<a href="{{newer}}" id="history-newer">{{newerText}}</a>{{/newer}}
    {{#older}}<a href="{{older}}" id="history-older">{{olderText}}</a>{{/older}}
    </p>
    {{#mayChange}}<p><a href="/undo" id="undo-link">{{undoHeading}}</a></p>{{/mayChange}}

    """

  static let undoPage = """
    <h1>{{heading}}</h1>
    {{#refusal}}<p id="undo-refusal">{{refusal}}</p>{{/refusal}}
    {{#plan}}
    <p>{{explained}}</p>
    <div class="history">{{{table}}}</div>
    {{#mayChange}}<form method="post" action="/undo" class="form" id="undo-form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <input type="hidden" name="batch" value="{{batch}}">
    <p><button id="undo-submit">{{submit}}</button></p>
    </form>{{/mayChange}}
    {{/plan}}

    """

  static let changeStyle = """
    details.change { border: 1px solid #ddd; margin: .6em 0; padding: .4em .8em; max-width: 40em; }
    details.change summary { cursor: pointer; font-weight: bold; color: #a40000; }
    .field { margin: .6em 0; }
    .form select { width: 100%; max-width: 30em; padding: .3em; font-size: 1em; }
    .form label.check { font-weight: normal; display: block; }
    .notice { white-space: pre-line; }
    .pages a { margin-right: 1em; }
    .history td { white-space: normal; min-width: 5em; }
    .history td:first-child { white-space: nowrap; }

    """

  /// The templates above, by name, for `library`.
  static let unitChangeTemplates: [(String, String)] = [
    ("changeForm", changeForm), ("unitChanges", unitChanges), ("historyPage", historyPage), ("undoPage", undoPage),
  ]
}
