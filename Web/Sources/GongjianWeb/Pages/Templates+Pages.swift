/// The templates of the pages beyond a single unit: working groups, agreements, the three
/// lists with their claim buttons, joint meetings and follow-ups, reports, and the overview's
/// part about what needs attention. `{{{x}}}` only ever holds HTML made by `HTMLTable` or by
/// another template, where every value was escaped already.
extension Templates {
  static let pages: [(String, String)] = [
    ("fields", fields), ("attention", attention), ("groups", groups), ("group", group), ("agreements", agreements),
    ("itemList", itemList), ("meetings", meetings), ("meeting", meeting), ("followups", followups),
    ("reports", reports),
  ]

  /// A form's fields, each with its label, hint and refusal next to it.
  static let fields = """
    {{#fields}}
    <p><label for="{{key}}">{{label}}{{#optional}} <small class="optional">{{optional}}</small>{{/optional}}</label>
    <input id="{{key}}" name="{{key}}" value="{{value}}"{{#type}} type="{{type}}"{{/type}}{{#required}} required{{/required}}{{#invalid}} aria-invalid="true"{{/invalid}}>
    {{#hint}}<small class="hint">{{hint}}</small>{{/hint}}
    {{#problem}}<small class="field-error" id="{{key}}-error">{{problem}}</small>{{/problem}}</p>
    {{/fields}}

    """

  /// What the overview shows after the units: agreements to renew, needs, follow-ups.
  static let attention = """
    <section class="attention">
    <h2>{{expiringHeading}}</h2>
    {{#noExpiring}}<p id="no-expiring">{{noExpiring}}</p>{{/noExpiring}}
    {{{expiringTable}}}
    {{#undated}}<p id="undated-agreements">{{undated}}</p>{{/undated}}
    <p><a href="/agreements" id="see-agreements">{{seeAllAgreements}}</a></p>
    </section>
    <section class="attention">
    <h2>{{needsHeading}}</h2>
    <p class="figure" id="open-needs">{{openNeeds}}</p>
    <p><a href="/lists/needs" id="see-open-needs">{{seeOpenNeeds}}</a>{{#overdue}} · <a href="/lists/needs?show=overdue" id="see-overdue-needs">{{seeOverdueNeeds}}</a>{{/overdue}}</p>
    </section>
    <section class="attention">
    <h2>{{followupsHeading}}</h2>
    <p class="figure" id="open-followups">{{openFollowups}}</p>
    <p><a href="/followups" id="see-open-followups">{{seeOpenFollowups}}</a></p>
    </section>

    """

  static let groups = """
    <h1>{{heading}}</h1>
    {{#empty}}<p id="no-groups">{{empty}}</p>{{/empty}}
    {{{table}}}
    <p class="footer" id="group-count">{{footer}}</p>
    {{#mayChange}}
    <h2 id="add-group">{{addHeading}}</h2>
    <form method="post" action="/groups" class="form" id="group-form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    {{> fields}}
    <p><button id="group-submit">{{submit}}</button></p>
    </form>
    {{/mayChange}}

    """

  static let group = """
    <h1 id="group-name">{{heading}}</h1>
    {{#description}}<p>{{description}}</p>{{/description}}
    {{#contactsHidden}}<p class="hint">{{contactsHidden}}</p>{{/contactsHidden}}
    <h2>{{membersHeading}}</h2>
    {{#empty}}<p id="no-members">{{empty}}</p>{{/empty}}
    {{{table}}}
    <p class="footer" id="member-count">{{footer}}</p>
    <p><a href="/groups">{{back}}</a></p>

    """

  static let agreements = """
    <h1>{{heading}}</h1>
    <form method="get" action="/agreements" class="filters" id="agreements-form">
    <fieldset><legend>{{filtersHeading}}</legend>
    <label>{{daysLabel}} <input type="number" name="days" id="days" value="{{days}}" min="0"{{#invalid}} aria-invalid="true"{{/invalid}}></label>
    <button id="show-agreements">{{show}}</button>
    {{#problem}}<small class="field-error" id="days-error">{{problem}}</small>{{/problem}}
    </fieldset>
    </form>
    <h2>{{subheading}}</h2>
    {{#empty}}<p id="no-agreements">{{empty}}</p>{{/empty}}
    {{{table}}}
    <p class="footer" id="agreement-count">{{footer}}</p>

    """

  /// One of the three lists: which items to show, the table (with its claim buttons), and a
  /// form to add an item.
  static let itemList = """
    <h1>{{heading}}</h1>
    <p class="tabs" id="show">{{legend}}{{#tabs}} <a href="{{address}}"{{#current}} aria-current="page" class="current"{{/current}}>{{label}}</a>{{/tabs}}</p>
    {{#empty}}<p id="no-items">{{empty}}</p>{{/empty}}
    {{{table}}}
    <p class="footer" id="item-count">{{footer}}</p>
    {{#form}}
    <h2 id="add-item">{{addHeading}}</h2>
    <form method="post" action="{{action}}" class="form" id="add-form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    {{> fields}}
    <p><button id="add-submit">{{submit}}</button></p>
    </form>
    {{/form}}
    <section class="page-forms">{{{forms}}}</section>

    """

  static let meetings = """
    <h1>{{heading}}</h1>
    {{#empty}}<p id="no-meetings">{{empty}}</p>{{/empty}}
    {{{table}}}
    <p class="footer" id="meeting-count">{{footer}}</p>
    <p><a href="/followups" id="see-followups">{{seeFollowups}}</a></p>
    {{{forms}}}

    """

  static let meeting = """
    <h1 id="meeting-title">{{heading}}</h1>
    <dl class="facts">
    {{#facts}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/facts}}
    </dl>
    {{#sections}}
    <h2 id="{{id}}">{{heading}}</h2>
    {{#none}}<p>{{none}}</p>{{/none}}
    {{{table}}}
    {{/sections}}
    {{#forms}}<section id="meeting-changes">
    <h2>{{formsHeading}}</h2>
    {{{forms}}}
    </section>{{/forms}}
    <p><a href="/meetings">{{back}}</a></p>

    """

  static let followups = """
    <h1>{{heading}}</h1>
    <p class="tabs" id="show">{{legend}}{{#tabs}} <a href="{{address}}"{{#current}} aria-current="page" class="current"{{/current}}>{{label}}</a>{{/tabs}}</p>
    {{#empty}}<p id="no-followups">{{empty}}</p>{{/empty}}
    {{{table}}}
    <p class="footer" id="followup-count">{{footer}}</p>
    {{{forms}}}

    """

  static let reports = """
    <h1>{{heading}}</h1>
    <form method="get" action="/reports" class="filters" id="report-form">
    <fieldset><legend>{{growthHeading}}</legend>
    <label>{{fromLabel}} <input type="number" name="from" id="from" value="{{from}}" min="1900" max="9999"></label>
    <label>{{toLabel}} <input type="number" name="to" id="to" value="{{to}}" min="1900" max="9999"></label>
    <label>{{periodLabel}} <select name="period" id="period">{{#periods}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/periods}}</select></label>
    <label>{{byLabel}} <select name="by" id="by">{{#breakdowns}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/breakdowns}}</select></label>
    <label>{{kindLabel}} <input name="kind" id="kind" value="{{kind}}" size="10"></label>
    <label>{{groupLabel}} <select name="group" id="group">{{#groups}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/groups}}</select></label>
    <button id="show-report">{{show}}</button>
    </fieldset>
    </form>
    {{#report}}
    <p><img src="/reports/growth.svg{{query}}" alt="{{growthHeading}}" class="chart" id="report-chart"></p>
    {{{table}}}
    <h2>{{downloadsHeading}}</h2>
    <ul class="downloads">
    <li><a href="/reports/growth.svg{{query}}" download id="report-svg">{{downloadSVG}}</a></li>
    <li><a href="/reports/growth.html{{query}}" download id="report-html">{{downloadHTML}}</a></li>
    <li><a href="/reports/growth.csv{{query}}" id="report-csv">{{downloadCSV}}</a></li>
    <li><a href="/reports/growth.xlsx{{query}}" id="report-xlsx">{{downloadXLSX}}</a></li>
    </ul>
    {{/report}}
    <h2 id="list-reports">{{listsHeading}}</h2>
    <form method="get" action="/reports" class="filters" id="year-form">
    {{#keep}}<input type="hidden" name="{{name}}" value="{{value}}">{{/keep}}
    <fieldset><legend>{{listsHeading}}</legend>
    <label>{{yearLabel}} <input type="number" name="year" id="year" value="{{year}}" min="1900" max="9999"></label>
    <button id="show-year">{{show}}</button>
    </fieldset>
    </form>
    <ul class="downloads">
    <li>{{projectsTitle}}：<a href="/reports/projects.csv?year={{year}}" id="projects-csv">CSV</a> · <a href="/reports/projects.xlsx?year={{year}}" id="projects-xlsx">Excel</a></li>
    <li>{{unitsTitle}}：<a href="/reports/units.csv?year={{year}}" id="units-csv">CSV</a> · <a href="/reports/units.xlsx?year={{year}}" id="units-xlsx">Excel</a></li>
    </ul>

    """

  /// The style of these pages, after the layout's.
  static let pagesStyle = """
    nav { display: flex; flex-wrap: wrap; gap: .2em 1em; flex-basis: 100%; order: 3; }
    nav a { margin-right: 0; white-space: nowrap; }
    .tabs a { margin-left: .6em; }
    .tabs a.current { font-weight: bold; text-decoration: none; color: #222; }
    main { max-width: 90em; }
    td.action form { display: flex; gap: .3em; margin: 0; }
    td.action select { width: 10em; font-size: .95em; }
    td.action button { padding: .1em .6em; white-space: nowrap; }
    td.action, .table:has(td.action) th:last-child { position: sticky; right: 0; background: #fff; box-shadow: -6px 0 6px -4px rgba(0, 0, 0, .25); }
    .attention { border-left: 4px solid #a40000; padding-left: .8em; margin-bottom: 1.2em; }
    .attention h2 { margin-bottom: .3em; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
    dl.facts dt { font-weight: bold; }
    dl.facts dd { margin: 0; }
    select { font-size: 1em; padding: .2em; }
    ul.downloads li { margin: .3em 0; }
    #meeting-changes fieldset, .page-forms fieldset { display: grid; grid-template-columns: repeat(auto-fill, minmax(15em, 1fr)); gap: .1em 1em; align-items: start; }
    #meeting-changes details.change, .page-forms details.change { max-width: 56em; }
    @media (max-width: 40em) {
      header { padding: .5em .7em; }
      nav { gap: .1em .8em; font-size: .95em; }
      .who { margin-left: 0; }
      main { padding: .7em; }
      th, td { padding: .3em .4em; }
      td.action select { width: 6.5em; }
    }

    """
}
