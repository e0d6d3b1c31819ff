import Mustache

/// The pages' templates, compiled into the program as strings (the installed program needs no
/// folder of resources). `{{x}}` is escaped; `{{{x}}}` only ever holds HTML made by
/// `HTMLTable` or by another template, where every value was escaped already.
enum Templates {
  static let layout = """
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}}</title>
    <link rel="stylesheet" href="/style.css">
    <link rel="stylesheet" href="/pages.css">
    </head>
    <body>
    <a class="skip" href="#main">{{skip}}</a>
    <header>
    <div class="site"><a href="/">{{site}}</a></div>
    <nav>
    <a href="/" id="nav-overview">{{navOverview}}</a>
    <a href="/units" id="nav-units">{{navUnits}}</a>
    <a href="/units/new" id="nav-register">{{navRegister}}</a>
    <a href="/groups" id="nav-groups">{{navGroups}}</a>
    <a href="/agreements" id="nav-agreements">{{navAgreements}}</a>
    <a href="/lists/resources" id="nav-resources">{{navResources}}</a>
    <a href="/lists/needs" id="nav-needs">{{navNeeds}}</a>
    <a href="/lists/projects" id="nav-projects">{{navProjects}}</a>
    <a href="/meetings" id="nav-meetings">{{navMeetings}}</a>
    <a href="/followups" id="nav-followups">{{navFollowups}}</a>
    <a href="/reports" id="nav-reports">{{navReports}}</a>
    <a href="/history" id="nav-history">{{navHistory}}</a>
    {{#mayAdminister}}<a href="/accounts" id="nav-accounts">{{navAccounts}}</a>{{/mayAdminister}}
    </nav>
    <div class="who">
    <span id="who">{{who}}</span>
    {{#signedIn}}<form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button id="sign-out">{{signOut}}</button></form>{{/signedIn}}
    {{^signedIn}}<a href="/login" id="sign-in">{{signIn}}</a>{{/signedIn}}
    <form method="post" action="/language" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{otherLang}}"><button id="switch-language">{{switchLanguage}}</button></form>
    </div>
    </header>
    <main id="main">
    {{#notice}}<p class="notice" role="status" id="notice">{{notice}}</p>{{/notice}}
    {{#error}}<p class="error" role="alert" id="error">{{error}}</p>{{/error}}
    {{{body}}}
    </main>
    </body>
    </html>

    """

  static let overview = """
    <h1>{{heading}}</h1>
    <p class="figure" id="units-today">{{unitsToday}}</p>
    <p><a href="/units">{{seeAllUnits}}</a></p>
    {{{attention}}}
    <h2>{{growthHeading}}</h2>
    <p><img src="/reports/growth.svg" alt="{{growthHeading}}" class="chart" id="growth-chart"></p>
    {{{growthTable}}}
    <h2>{{downloadsHeading}}</h2>
    <ul>
    <li><a href="/reports/growth.svg" download id="download-svg">{{downloadSVG}}</a></li>
    <li><a href="/reports/growth.html" download id="download-html">{{downloadHTML}}</a></li>
    <li><a href="/units.csv" id="download-units-csv">{{downloadCSV}}</a></li>
    <li><a href="/export.xlsx" id="download-xlsx">{{downloadXLSX}}</a></li>
    </ul>

    """

  static let roster = """
    <h1>{{heading}}</h1>
    <form method="get" action="/units" class="filters">
    <fieldset><legend>{{filtersHeading}}</legend>
    <label>{{searchLabel}} <input type="search" name="q" id="q" value="{{q}}"></label>
    <label>{{joinedInLabel}} <input type="number" name="joined-in" value="{{joinedIn}}" min="1900" max="2999"></label>
    <label><input type="checkbox" name="all" value="1"{{#all}} checked{{/all}}> {{allLabel}}</label>
    <button id="apply-filters">{{apply}}</button> <a href="/units">{{clear}}</a>
    </fieldset>
    </form>
    {{#empty}}<p id="no-units">{{noUnits}}</p>{{/empty}}
    {{{table}}}
    <p class="footer" id="unit-count">{{footer}}</p>
    <p><a href="/units.csv{{query}}" id="download-csv">{{downloadCSV}}</a></p>

    """

  static let unit = """
    <h1 id="unit-name">{{name}}</h1>
    {{#contactsHidden}}<p class="hint">{{contactsHidden}}</p>{{/contactsHidden}}
    <pre class="sheet" id="unit-sheet">{{sheet}}</pre>
    {{{changes}}}

    """

  static let register = """
    <h1>{{heading}}</h1>
    <form method="post" action="/units" class="form" id="register-form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    {{#fields}}
    <p><label for="{{key}}">{{label}}{{#optional}} <small class="optional">{{optional}}</small>{{/optional}}</label>
    <input id="{{key}}" name="{{key}}" value="{{value}}"{{#required}} required{{/required}}{{#invalid}} aria-invalid="true"{{/invalid}}>
    {{#hint}}<small class="hint">{{hint}}</small>{{/hint}}
    {{#problem}}<small class="field-error" id="{{key}}-error">{{problem}}</small>{{/problem}}</p>
    {{/fields}}
    <p><label><input type="checkbox" name="force" value="1"> {{forceLabel}}</label></p>
    <p><button id="register-submit">{{submit}}</button></p>
    </form>

    """

  static let login = """
    <h1>{{heading}}</h1>
    <form method="post" action="/login" class="form" id="login-form">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><label for="name">{{nameLabel}}</label><input id="name" name="name" value="{{name}}" autocomplete="username" required></p>
    <p><label for="password">{{passwordLabel}}</label><input id="password" name="password" type="password" autocomplete="current-password" required></p>
    <p><button id="login-submit">{{submit}}</button></p>
    </form>

    """

  static let listing = """
    <h1>{{heading}}</h1>
    {{{table}}}

    """

  static let message = """
    <h1>{{heading}}</h1>
    <p>{{text}}</p>

    """

  static let style = """
    body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0; color: #222; }
    header { background: #a40000; color: #fff; padding: .6em 1em; display: flex; flex-wrap: wrap; gap: .6em 1.5em; align-items: center; }
    header a { color: #fff; }
    .site { font-weight: bold; font-size: 1.1em; }
    nav a { margin-right: 1em; }
    .who { margin-left: auto; display: flex; gap: .6em; align-items: center; flex-wrap: wrap; }
    form.inline { display: inline; }
    main { padding: 1em; max-width: 72em; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1em; top: 1em; background: #fff; color: #000; }
    .table { overflow-x: auto; }
    table { border-collapse: collapse; }
    th, td { border-bottom: 1px solid #ddd; padding: .3em .6em; text-align: left; white-space: nowrap; }
    .num { text-align: right; }
    .notice { background: #e7f5e7; padding: .6em; border-left: 4px solid #2a7a2a; }
    .error { background: #fdecea; padding: .6em; border-left: 4px solid #a40000; white-space: pre-line; }
    .field-error { color: #a40000; display: block; }
    .hint { color: #666; display: block; }
    .optional { color: #666; font-weight: normal; }
    .form label { display: block; font-weight: bold; }
    .form input { width: 100%; max-width: 30em; padding: .3em; font-size: 1em; box-sizing: border-box; }
    .form input[type=checkbox] { width: auto; }
    fieldset { border: 1px solid #ddd; display: flex; flex-wrap: wrap; gap: .6em 1em; align-items: end; }
    .figure { font-size: 1.4em; }
    img.chart { max-width: 100%; height: auto; }
    pre.sheet {
      white-space: pre-wrap; background: #fafafa; padding: .8em;
      /* The sheet lines up its columns as a terminal does: a Chinese character two columns wide,
         a Latin one one. Fonts made that way keep them aligned. */
      font-family: "Noto Sans Mono CJK SC", "Sarasa Mono SC", NSimSun, SimSun, monospace;
    }
    button { font-size: 1em; padding: .3em .8em; }

    """

  static let library: MustacheLibrary = {
    var library = MustacheLibrary()
    var all: [(String, String)] = [
      ("layout", layout), ("overview", overview), ("roster", roster), ("unit", unit), ("register", register),
      ("login", login), ("message", message), ("listing", listing),
    ]
    // The pages beyond a single unit (groups, lists, meetings, reports).
    all += pages
    for (name, text) in all + unitChangeTemplates {
      // The templates are fixed text: a mistake in one is found by the first test that renders it.
      if let template = try? MustacheTemplate(string: text) { library.register(template, named: name) }
    }
    return library
  }()
}
