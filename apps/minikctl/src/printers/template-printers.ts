import { CliError } from '../cli/cli-error.js';
import { goJsonStringify } from './go-json.js';
import { goSyntax } from './go-syntax.js';
import { GoTemplate, TemplateExecError } from './go-template/template.js';
import { TemplateParseError } from './go-template/parser.js';
import { JsonPath, JsonPathExecutionError } from './jsonpath/jsonpath.js';
import { JsonPathSyntaxError } from './jsonpath/jsonpath-parser.js';
import type { ResourcePrinter } from './resource-printer.js';

/** kubectl's GoTemplatePrinter: runs the template per object; on failure prints debugging help. */
export function goTemplatePrinter(text: string, allowMissingKeys: boolean): ResourcePrinter {
  let template: GoTemplate;
  try {
    template = new GoTemplate(text);
  } catch (error) {
    if (error instanceof TemplateParseError) throw new CliError(`error parsing template ${text}, ${error.message}`);
    throw error;
  }
  void allowMissingKeys;
  return {
    print(obj, out) {
      try {
        template.execute(obj, (s) => out.write(s));
      } catch (error) {
        if (!(error instanceof TemplateExecError)) throw error;
        out.write(`Error executing template: ${error.message}. Printing more information for debugging the template:\n`);
        out.write(`\ttemplate was:\n\t\t${text}\n`);
        out.write(`\traw data was:\n\t\t${goJsonStringify(obj, '')}\n`);
        out.write(`\tobject given to template engine was:\n\t\t${goSyntax(obj, false)}\n\n`);
        throw new CliError(`error executing template ${JSON.stringify(text)}: ${error.message}`);
      }
    },
  };
}

/** kubectl's JSONPathPrinter. */
export function jsonPathPrinter(text: string, allowMissingKeys: boolean, asJson: boolean): ResourcePrinter {
  let path: JsonPath;
  try {
    path = new JsonPath(text, allowMissingKeys, asJson);
  } catch (error) {
    if (error instanceof JsonPathSyntaxError) throw new CliError(`error parsing jsonpath ${text}, ${error.message}`);
    throw error;
  }
  return {
    print(obj, out) {
      let result: string;
      try {
        result = path.execute(obj);
      } catch (error) {
        if (!(error instanceof JsonPathExecutionError)) throw error;
        throw new CliError(
          `error executing jsonpath ${JSON.stringify(text)}: Error executing template: ${error.message}. Printing more information for debugging the template:\n` +
            `\ttemplate was:\n\t\t${text}\n\tobject given to jsonpath engine was:\n\t\t${goSyntax(obj, true)}\n\n\n`,
        );
      }
      out.write(result);
    },
  };
}
